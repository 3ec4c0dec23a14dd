"""Delegations in the demo scenario: the incoming delegation from the partner city Tianjin and an
outgoing mission to Brussels, with members, programme, needs and travel costs paid partly by a
third party (the gifts exchanged on these visits are ``integrity``'s part of the scenario).

Written through ``save_delegation`` after the calendar is loaded (the Tianjin visit is one of its
activities; the Brussels mission and the visiting vice-mayor are added here through the agenda's
and relations' parts). Like the rest of the demo it is idempotent: a visit that already has a
delegation is left alone.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal
from functools import partial
from zoneinfo import ZoneInfo

from kennisstad.agenda.demo import UID_TEMPLATE, ActivitySpec, load_activities
from kennisstad.agenda.models import Activity, ActivityKind, Visibility
from kennisstad.core.demo import ENERGY, SMART_CITY, DemoLoad
from kennisstad.privacy.lawful_basis import LawfulBasis
from kennisstad.relations.demo import PersonSpec, load_people

from .models import Delegation, PaidBy
from .services import save_delegation

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@dataclass(frozen=True)
class DelegationSpec:
    """A delegation on a calendar visit (by slug). People and users are scenario keys; a
    programme item's ``day`` counts from the visit's first day, ``at`` and ``until`` are local
    (hour, minute)."""

    visit: str
    country: str
    texts: dict
    organisation: str | None = None
    host_users: tuple[str, ...] = ()
    host_people: tuple[str, ...] = ()
    members: tuple[dict, ...] = ()
    programme: tuple[dict, ...] = ()
    travel_costs: tuple[dict, ...] = ()


# fmt: off
VISITORS = {
    "wang": PersonSpec(
        "Jun", "Wang", "Vice-Mayor of Tianjin", ("tianjin",), "wang.jun@tianjin.example.org", "zh",
        LawfulBasis.PUBLIC_TASK,
    ),
}

BRUSSELS_MISSION = ActivitySpec(
    "brussels-mission", ActivityKind.OUTGOING_VISIT,
    "Missie naar Brussel: waterstof en stedelijk cohesiebeleid",
    "Mission to Brussels: hydrogen and urban cohesion policy",
    "Wethouder en team bespreken met DG REGIO en het Huis van de Nederlandse Provincies de "
    "Europese inzet voor de waterstofregio en slimme steden.",
    "The alderman and the team discuss European support for the hydrogen region and smart "
    "cities with DG REGIO and the House of the Dutch Provinces.",
    in_days=-40, weekday=1, days=2, location="Europese wijk", city="Brussel", country="BE",
    department="Internationale Zaken", themes=(ENERGY, SMART_CITY), visibility=Visibility.PARTNERS,
    team=("team", "advisor"), people=("popescu", "claes"),
)

TIANJIN = DelegationSpec(
    "tianjin-delegation",
    "CN",
    {
        "purpose_nl": (
            "Vervolg op het partnerschap met Tianjin: samenwerking in Healthy Ageing en slimme "
            "steden, en voorbereiding van de handelsmissie naar China."
        ),
        "purpose_en": (
            "Follow-up of the partnership with Tianjin: cooperation in Healthy Ageing and smart "
            "cities, and preparing the trade mission to China."
        ),
        "interpretation_languages": "Mandarijn – Nederlands (consecutief)",
        "dietary_requirements": "Twee delegatieleden eten geen varkensvlees.",
        "press_and_media": (
            "Persmoment bij de ontvangst op het stadhuis; foto's alleen na akkoord van de "
            "delegatie."
        ),
        "accessibility": "Geen bijzonderheden.",
        "notes": "Cadeauwissel bij de ontvangst door de burgemeester; protocol via het consulaat.",
    },
    organisation="tianjin",
    host_users=("team", "admin"),
    host_people=("vandenberg", "hofstra"),
    members=(
        {
            "person": "wang",
            "function": "Vice-burgemeester van Tianjin",
            "form_of_address": "Zijne Excellentie",
            "is_head": True,
        },
        {
            "person": "zhao",
            "function": "Adjunct-directeur Foreign Affairs Office",
            "form_of_address": "Mevrouw",
        },
    ),
    programme=(
        {
            "day": 0, "at": (10, 0), "until": (11, 30),
            "title_nl": "Ontvangst door de burgemeester",
            "title_en": "Welcome by the mayor",
            "place": "Stadhuis, Grote Markt 1",
            "responsible_user": "team",
        },
        {
            "day": 0, "at": (14, 0), "until": (16, 30),
            "title_nl": "Bezoek Healthy Ageing-living lab",
            "title_en": "Visit to the Healthy Ageing living lab",
            "place": "UMCG",
            "responsible_person": "vandenberg",
        },
        {
            "day": 1, "at": (9, 30), "until": (12, 30),
            "title_nl": "Rondleiding Zernike Campus en waterstoflab",
            "title_en": "Tour of Zernike Campus and the hydrogen lab",
            "place": "Zernike Campus",
            "responsible_user": "advisor",
        },
    ),
)

BRUSSELS = DelegationSpec(
    "brussels-mission",
    "BE",
    {
        "purpose_nl": (
            "Lobby voor Europese steun aan de Noord-Nederlandse waterstofregio en inbreng voor "
            "het cohesiebeleid voor steden."
        ),
        "purpose_en": (
            "Lobbying for European support for the northern Netherlands hydrogen region and "
            "input for the cohesion policy for cities."
        ),
        "notes": "Reis per trein; overnachting in de Europese wijk.",
    },
    host_users=("advisor",),
    host_people=("claes",),
    programme=(
        {
            "day": 0, "at": (14, 0), "until": (15, 30),
            "title_nl": "Gesprek met DG REGIO over stedelijk cohesiebeleid",
            "title_en": "Meeting DG REGIO on urban cohesion policy",
            "place": "Europese Commissie, DG REGIO",
            "responsible_user": "team",
            "responsible_person": "popescu",
        },
        {
            "day": 1, "at": (9, 0), "until": (11, 0),
            "title_nl": "Ontbijtsessie waterstofregio met Europarlementariërs",
            "title_en": "Breakfast session on the hydrogen region with MEPs",
            "place": "Huis van de Nederlandse Provincies",
            "responsible_person": "claes",
        },
    ),
    travel_costs=(
        {
            "traveller": "Karin Veenstra",
            "traveller_function": "Wethouder Economische Zaken",
            "destination_country": "BE",
            "transport": Decimal("238.40"),
            "lodging": Decimal("189.00"),
            "other": Decimal("42.50"),
            "paid_by": PaidBy.MUNICIPALITY,
        },
        {
            "traveller": "Sanne Bakker",
            "traveller_function": "Adviseur internationale zaken",
            "destination_country": "BE",
            "transport": Decimal("238.40"),
            "lodging": Decimal("189.00"),
            "other": Decimal("18.75"),
            "paid_by": PaidBy.MUNICIPALITY,
        },
        {
            "traveller": "Jeroen Dijkstra",
            "traveller_function": "Senior adviseur Europese zaken",
            "destination_country": "BE",
            "transport": Decimal("238.40"),
            "lodging": Decimal("189.00"),
            "other": Decimal("0.00"),
            "paid_by": PaidBy.THIRD_PARTY,
            "payer": "Samenwerkingsverband Noord-Nederland",
        },
    ),
)

# fmt: on

DELEGATIONS = (TIANJIN, BRUSSELS)


def load_delegations(demo: DemoLoad) -> None:
    load_people(demo, VISITORS)
    load_activities(demo, (BRUSSELS_MISSION,))
    for spec in DELEGATIONS:
        activity = Activity.objects.get(uid=UID_TEMPLATE.format(slug=spec.visit))
        demo.ensure(
            "delegations",
            Delegation,
            {"activity": activity},
            partial(_create, demo, spec, activity),
        )


def _create(demo: DemoLoad, spec: DelegationSpec, activity: Activity) -> Delegation:
    day = activity.first_day
    delegation = Delegation(
        activity=activity,
        organisation=demo.ref("organisations", spec.organisation),
        country=spec.country,
        **spec.texts,
    )
    return save_delegation(
        delegation=delegation,
        user=None,
        host_users=demo.each("users", spec.host_users),
        host_people=demo.each("people", spec.host_people),
        members=[{**row, "person": demo.refs["people"][row["person"]]} for row in spec.members]
        or None,
        programme=[_programme_item(demo, day, row) for row in spec.programme] or None,
        travel_costs=list(spec.travel_costs) or None,
    )


def _programme_item(demo: DemoLoad, first_day: datetime.date, row: dict) -> dict:
    item = {key: value for key, value in row.items() if key not in ("day", "at", "until")}
    day = first_day + datetime.timedelta(days=row["day"])
    item["starts_at"] = datetime.datetime.combine(day, datetime.time(*row["at"]), AMSTERDAM)
    item["ends_at"] = datetime.datetime.combine(day, datetime.time(*row["until"]), AMSTERDAM)
    if "responsible_user" in item:
        item["responsible_user"] = demo.refs["users"][item["responsible_user"]]
    if "responsible_person" in item:
        item["responsible_person"] = demo.refs["people"][item["responsible_person"]]
    return item
