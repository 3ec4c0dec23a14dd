"""Delegations in the demo scenario: the incoming delegation from the partner city Tianjin and an
outgoing mission to Brussels, with members, programme, needs, gifts on both sides of the
register threshold and travel costs paid partly by a third party.

``workspace.demo`` calls ``load_demo_delegations`` after the calendar is loaded and passes
its loader (users, organisations, people, counters). Like the rest of the demo it is
idempotent: a visit that already has a delegation is left alone.
"""

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from kennisstad.agenda.models import Activity, ActivityKind, Visibility
from kennisstad.agenda.services import save_activity
from kennisstad.relations.models import LawfulBasis, Person
from kennisstad.relations.services import save_person

from .models import Delegation, GiftDirection, GiftDisposition, PaidBy
from .services import save_delegation

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
TIANJIN_UID = "demo-tianjin-delegation@kennisstad.example"
BRUSSELS_UID = "demo-brussels-mission@kennisstad.example"
BRUSSELS_DAYS_AGO = 40


def load_demo_delegations(loader) -> None:
    _load_vice_mayor(loader)
    _load_brussels_mission_activity(loader)
    _load_tianjin_delegation(loader)
    _load_brussels_delegation(loader)


def _at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, minute), AMSTERDAM)


def _load_vice_mayor(loader) -> None:
    email = "wang.jun@tianjin.example.org"
    person = Person.objects.filter(email=email).first()
    created = person is None
    if created:
        person = Person(
            first_name="Jun",
            last_name="Wang",
            job_title="Vice-Mayor of Tianjin",
            email=email,
            preferred_language="zh",
            lawful_basis=LawfulBasis.PUBLIC_TASK,
            retain_until=datetime.date(loader.today.year + 3, 12, 31),
        )
        save_person(person=person, user=None, organisations=[loader.organisations["tianjin"]])
    loader.people["wang"] = person
    loader.tally("people", created)


def _load_brussels_mission_activity(loader) -> None:
    created = not Activity.objects.filter(uid=BRUSSELS_UID).exists()
    if created:
        first_day = loader.today - datetime.timedelta(days=BRUSSELS_DAYS_AGO)
        first_day += datetime.timedelta(days=(1 - first_day.weekday()) % 7)  # a Tuesday
        activity = Activity(
            uid=BRUSSELS_UID,
            title_nl="Missie naar Brussel: waterstof en stedelijk cohesiebeleid",
            title_en="Mission to Brussels: hydrogen and urban cohesion policy",
            description_nl=(
                "Wethouder en team bespreken met DG REGIO en het Huis van de Nederlandse "
                "Provincies de Europese inzet voor de waterstofregio en slimme steden."
            ),
            description_en=(
                "The alderman and the team discuss European support for the hydrogen region "
                "and smart cities with DG REGIO and the House of the Dutch Provinces."
            ),
            kind=ActivityKind.OUTGOING_VISIT,
            starts_at=_at(first_day, 0),
            ends_at=_at(first_day + datetime.timedelta(days=2), 0),
            all_day=True,
            location="Europese wijk",
            city="Brussel",
            country="BE",
            organiser_department="Internationale Zaken",
            visibility=Visibility.PARTNERS,
        )
        save_activity(
            activity=activity,
            user=None,
            team_participants=[loader.users["team"], loader.users["advisor"]],
            people=[loader.people["popescu"], loader.people["claes"]],
            themes=[loader.themes["energie"], loader.themes["smart-city"]],
        )
    loader.tally("activities", created)


def _load_tianjin_delegation(loader) -> None:
    activity = Activity.objects.get(uid=TIANJIN_UID)
    created = not Delegation.objects.filter(activity=activity).exists()
    if created:
        day = activity.first_day
        next_day = day + datetime.timedelta(days=1)
        people, users = loader.people, loader.users
        delegation = Delegation(
            activity=activity,
            organisation=loader.organisations["tianjin"],
            country="CN",
            purpose_nl=(
                "Vervolg op het partnerschap met Tianjin: samenwerking in Healthy Ageing en "
                "slimme steden, en voorbereiding van de handelsmissie naar China."
            ),
            purpose_en=(
                "Follow-up of the partnership with Tianjin: cooperation in Healthy Ageing and "
                "smart cities, and preparing the trade mission to China."
            ),
            interpretation_languages="Mandarijn – Nederlands (consecutief)",
            dietary_requirements="Twee delegatieleden eten geen varkensvlees.",
            press_and_media=(
                "Persmoment bij de ontvangst op het stadhuis; foto's alleen na akkoord van de "
                "delegatie."
            ),
            accessibility="Geen bijzonderheden.",
            notes="Cadeauwissel bij de ontvangst door de burgemeester; protocol via het consulaat.",
        )
        save_delegation(
            delegation=delegation,
            user=None,
            host_users=[users["team"], users["admin"]],
            host_people=[people["vandenberg"], people["hofstra"]],
            members=[
                {
                    "person": people["wang"],
                    "function": "Vice-burgemeester van Tianjin",
                    "form_of_address": "Zijne Excellentie",
                    "is_head": True,
                },
                {
                    "person": people["zhao"],
                    "function": "Adjunct-directeur Foreign Affairs Office",
                    "form_of_address": "Mevrouw",
                },
            ],
            programme=[
                {
                    "starts_at": _at(day, 10),
                    "ends_at": _at(day, 11, 30),
                    "title_nl": "Ontvangst door de burgemeester",
                    "title_en": "Welcome by the mayor",
                    "place": "Stadhuis, Grote Markt 1",
                    "responsible_user": users["team"],
                },
                {
                    "starts_at": _at(day, 14),
                    "ends_at": _at(day, 16, 30),
                    "title_nl": "Bezoek Healthy Ageing-living lab",
                    "title_en": "Visit to the Healthy Ageing living lab",
                    "place": "UMCG",
                    "responsible_person": people["vandenberg"],
                },
                {
                    "starts_at": _at(next_day, 9, 30),
                    "ends_at": _at(next_day, 12, 30),
                    "title_nl": "Rondleiding Zernike Campus en waterstoflab",
                    "title_en": "Tour of Zernike Campus and the hydrogen lab",
                    "place": "Zernike Campus",
                    "responsible_user": users["advisor"],
                },
            ],
            gifts=[
                {
                    "direction": GiftDirection.RECEIVED,
                    "description_nl": "Porseleinen vaas met stadsgezicht van Tianjin",
                    "description_en": "Porcelain vase with a view of Tianjin",
                    "giver": "Vice-burgemeester van Tianjin",
                    "recipient": "Burgemeester van Groningen",
                    "estimated_value": Decimal("350.00"),
                    "given_on": day,
                    "disposition": GiftDisposition.KEPT,
                },
                {
                    "direction": GiftDirection.RECEIVED,
                    "description_nl": "Zijden sjaal",
                    "description_en": "Silk scarf",
                    "giver": "Delegatie Tianjin",
                    "recipient": "Wethouder Economische Zaken",
                    "estimated_value": Decimal("40.00"),
                    "given_on": day,
                    "disposition": GiftDisposition.REGISTERED,
                },
                {
                    "direction": GiftDirection.GIVEN,
                    "description_nl": "Delfts blauwe tegel met de Martinitoren",
                    "description_en": "Delft blue tile with the Martini Tower",
                    "giver": "Burgemeester van Groningen",
                    "recipient": "Vice-burgemeester van Tianjin",
                    "estimated_value": Decimal("95.00"),
                    "given_on": day,
                },
                {
                    "direction": GiftDirection.GIVEN,
                    "description_nl": "Fotoboek 'Groningen, stad van kennis'",
                    "description_en": "Photo book 'Groningen, city of knowledge'",
                    "giver": "Gemeente Groningen",
                    "recipient": "Leden van de delegatie",
                    "estimated_value": Decimal("35.00"),
                    "given_on": day,
                },
            ],
        )
    loader.tally("delegations", created)


def _load_brussels_delegation(loader) -> None:
    activity = Activity.objects.get(uid=BRUSSELS_UID)
    created = not Delegation.objects.filter(activity=activity).exists()
    if created:
        day = activity.first_day
        users = loader.users
        delegation = Delegation(
            activity=activity,
            country="BE",
            purpose_nl=(
                "Lobby voor Europese steun aan de Noord-Nederlandse waterstofregio en inbreng "
                "voor het cohesiebeleid voor steden."
            ),
            purpose_en=(
                "Lobbying for European support for the northern Netherlands hydrogen region and "
                "input for the cohesion policy for cities."
            ),
            notes="Reis per trein; overnachting in de Europese wijk.",
        )
        save_delegation(
            delegation=delegation,
            user=None,
            host_users=[users["advisor"]],
            host_people=[loader.people["claes"]],
            programme=[
                {
                    "starts_at": _at(day, 14),
                    "ends_at": _at(day, 15, 30),
                    "title_nl": "Gesprek met DG REGIO over stedelijk cohesiebeleid",
                    "title_en": "Meeting DG REGIO on urban cohesion policy",
                    "place": "Europese Commissie, DG REGIO",
                    "responsible_user": users["team"],
                    "responsible_person": loader.people["popescu"],
                },
                {
                    "starts_at": _at(day + datetime.timedelta(days=1), 9),
                    "ends_at": _at(day + datetime.timedelta(days=1), 11),
                    "title_nl": "Ontbijtsessie waterstofregio met Europarlementariërs",
                    "title_en": "Breakfast session on the hydrogen region with MEPs",
                    "place": "Huis van de Nederlandse Provincies",
                    "responsible_person": loader.people["claes"],
                },
            ],
            gifts=[
                {
                    "direction": GiftDirection.GIVEN,
                    "description_nl": "Designkussen met de Groningse skyline",
                    "description_en": "Design cushion with the Groningen skyline",
                    "giver": "Wethouder Economische Zaken",
                    "recipient": "Directeur DG REGIO",
                    "estimated_value": Decimal("65.00"),
                    "given_on": day,
                },
                {
                    "direction": GiftDirection.RECEIVED,
                    "description_nl": "Boek over dertig jaar Europees cohesiebeleid",
                    "description_en": "Book on thirty years of European cohesion policy",
                    "giver": "DG REGIO",
                    "recipient": "Wethouder Economische Zaken",
                    "estimated_value": Decimal("25.00"),
                    "given_on": day,
                    "disposition": GiftDisposition.DONATED,
                },
            ],
            travel_costs=[
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
            ],
        )
    loader.tally("delegations", created)
