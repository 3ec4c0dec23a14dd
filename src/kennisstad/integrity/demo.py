"""The integrity registers in the demo scenario: the mayor, an alderman and two staff members;
the gifts exchanged on the Tianjin visit and the Brussels mission (received ones on both sides of
the threshold, the given ones apart), a gift received at a conference and one by post without
any visit, and trips and invitations paid by third parties.

Written through the services after the delegations; found again by natural key (an
office-holder's name, a gift's Dutch description), so loading twice changes nothing."""

import datetime
from decimal import Decimal

from kennisstad.agenda.demo import UID_TEMPLATE
from kennisstad.core.demo import DemoLoad
from kennisstad.delegations.models import Delegation

from .models import Disposition, Function, GiftGiven, GiftReceived, OfficeHolder, ThirdPartyTrip
from .services import save_gift_given, save_gift_received, save_office_holder, save_trip

# fmt: off
OFFICE_HOLDERS = {
    "mayor": ("Hendrik Wiersma", Function.MAYOR, "Burgemeester van Groningen"),
    "alderman": ("Karin Veenstra", Function.ALDERMAN, "Wethouder Economische Zaken"),
    "advisor": ("Sanne Bakker", Function.STAFF, "Adviseur internationale zaken"),
    "europe": ("Jeroen Dijkstra", Function.STAFF, "Senior adviseur Europese zaken"),
}

# (visit slug or None, days after the visit's first day or before today, values)
RECEIVED = (
    ("tianjin-delegation", 0, {
        "recipient": "mayor", "giver_person": "wang", "giver_organisation": "tianjin",
        "giver_name": "Vice-burgemeester van Tianjin", "occasion": "Bezoek delegatie Tianjin",
        "description_nl": "Porseleinen vaas met stadsgezicht van Tianjin",
        "description_en": "Porcelain vase with a view of Tianjin",
        "estimated_value": Decimal("350.00"), "disposition": Disposition.MUNICIPALITY,
    }),
    ("tianjin-delegation", 0, {
        "recipient": "alderman", "giver_organisation": "tianjin", "giver_name": "Delegatie Tianjin",
        "occasion": "Bezoek delegatie Tianjin", "description_nl": "Zijden sjaal",
        "description_en": "Silk scarf", "estimated_value": Decimal("40.00"),
        "disposition": Disposition.KEPT,
    }),
    ("brussels-mission", 0, {
        "recipient": "alderman", "giver_name": "DG REGIO", "occasion": "Missie naar Brussel",
        "description_nl": "Boek over dertig jaar Europees cohesiebeleid",
        "description_en": "Book on thirty years of European cohesion policy",
        "estimated_value": Decimal("25.00"), "disposition": Disposition.CHARITY,
    }),
    (None, -130, {
        "recipient": "alderman", "giver_name": "Organisatie Energy Transition Congress",
        "occasion": "Spreker op het Energy Transition Congress, Hamburg",
        "description_nl": "Gegraveerde vulpen", "description_en": "Engraved fountain pen",
        "estimated_value": Decimal("60.00"), "disposition": Disposition.MUNICIPALITY,
    }),
    (None, -125, {
        "recipient": "mayor", "giver_organisation": "rug",
        "giver_name": "Rijksuniversiteit Groningen",
        "occasion": "Per post, na de opening van het academisch jaar",
        "description_nl": "Wijnpakket", "description_en": "Box of wine",
        "estimated_value": Decimal("50.00"), "disposition": Disposition.KEPT,
    }),
)

GIVEN = (
    ("tianjin-delegation", {
        "giver": "Burgemeester van Groningen", "recipient": "Vice-burgemeester van Tianjin",
        "description_nl": "Delfts blauwe tegel met de Martinitoren",
        "description_en": "Delft blue tile with the Martini Tower",
        "estimated_value": Decimal("95.00"), "occasion": "Bezoek delegatie Tianjin",
    }),
    ("tianjin-delegation", {
        "giver": "Gemeente Groningen", "recipient": "Leden van de delegatie",
        "description_nl": "Fotoboek 'Groningen, stad van kennis'",
        "description_en": "Photo book 'Groningen, city of knowledge'",
        "estimated_value": Decimal("35.00"), "occasion": "Bezoek delegatie Tianjin",
    }),
    ("brussels-mission", {
        "giver": "Wethouder Economische Zaken", "recipient": "Directeur DG REGIO",
        "description_nl": "Designkussen met de Groningse skyline",
        "description_en": "Design cushion with the Groningen skyline",
        "estimated_value": Decimal("65.00"), "occasion": "Missie naar Brussel",
    }),
)

TRIPS = (
    ("brussels-mission", 0, {
        "office_holder": "europe", "kind": "trip",
        "paid_by": "Samenwerkingsverband Noord-Nederland",
        "destination": "Brussel", "destination_country": "BE",
        "purpose": "Missie naar Brussel: waterstof en stedelijk cohesiebeleid",
        "estimated_value": Decimal("427.40"), "days": 2,
    }),
    (None, -128, {
        "office_holder": "alderman", "kind": "invitation",
        "paid_by": "Organisatie Energy Transition Congress", "destination": "Hamburg",
        "destination_country": "DE", "purpose": "Spreker op het Energy Transition Congress",
        "estimated_value": Decimal("310.00"), "days": 1,
    }),
)
# fmt: on


def _visit(slug: str | None) -> Delegation | None:
    if slug is None:
        return None
    return Delegation.objects.filter(activity__uid=UID_TEMPLATE.format(slug=slug)).first()


def _day(demo: DemoLoad, slug: str | None, days: int) -> datetime.date:
    delegation = _visit(slug)
    if delegation is not None:
        return delegation.activity.first_day + datetime.timedelta(days=days)
    return demo.today + datetime.timedelta(days=days)


def load_integrity(demo: DemoLoad) -> None:
    holders = {
        key: demo.ensure(
            "office-holders",
            OfficeHolder,
            {"name": name},
            lambda name=name, function=function, title=title: save_office_holder(
                office_holder=OfficeHolder(name=name, function=function, portfolio=title),
                user=None,
            ),
        )
        for key, (name, function, title) in OFFICE_HOLDERS.items()
    }
    for slug, days, row in RECEIVED:
        values = {**row, "recipient": holders[row["recipient"]]}
        for field, kind in (("giver_person", "people"), ("giver_organisation", "organisations")):
            values[field] = demo.ref(kind, row.get(field))
        gift = GiftReceived(delegation=_visit(slug), received_on=_day(demo, slug, days), **values)
        demo.ensure(
            "gifts received",
            GiftReceived,
            {"description_nl": row["description_nl"]},
            lambda gift=gift: save_gift_received(gift=gift, user=None),
        )
    for slug, row in GIVEN:
        given = GiftGiven(delegation=_visit(slug), given_on=_day(demo, slug, 0), **row)
        demo.ensure(
            "gifts given",
            GiftGiven,
            {"description_nl": row["description_nl"]},
            lambda given=given: save_gift_given(gift=given, user=None),
        )
    for slug, days, row in TRIPS:
        values = {key: value for key, value in row.items() if key != "days"}
        starts_on = _day(demo, slug, days)
        trip = ThirdPartyTrip(
            delegation=_visit(slug),
            starts_on=starts_on,
            ends_on=starts_on + datetime.timedelta(days=row["days"] - 1),
            **{**values, "office_holder": holders[row["office_holder"]]},
        )
        demo.ensure(
            "trips paid by third parties",
            ThirdPartyTrip,
            {"purpose": row["purpose"], "office_holder": holders[row["office_holder"]]},
            lambda trip=trip: save_trip(trip=trip, user=None),
        )
