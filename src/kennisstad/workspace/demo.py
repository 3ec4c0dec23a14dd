"""The Groningen demo scenario: a believable registry, portfolio and calendar to show and test with.

The content follows begroting 2018, programme 2.1.4 "(Inter)nationaal promoten van onze
kennissectoren": the partners it names, the Top Dutch, Smart Users City and Digital City
profiling, the Energy and Healthy Ageing ambitions and Welkomstbeleid 2.0. The projects are dated
so the indicators give the chapter's figures (2 collaboration and 2 profiling projects in 2016,
more than 5 of each in 2018). Calendar dates are computed from today, so the calendar never looks
empty whenever the demo is loaded.

Everything is written through the app services, like any other edit, and the load is idempotent:
records are found by natural key (username, organisation name, e-mail, interaction subject,
project title, activity UID) and created only when missing; existing records are left untouched.
Companies and contact persons are invented; e-mail addresses use reserved example domains.
"""

import datetime
import importlib
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from kennisstad.accounts.models import Role, User
from kennisstad.agenda.models import Activity, ActivityKind, ActivityStatus, Visibility
from kennisstad.agenda.services import save_activity
from kennisstad.core.context_processors import DEMO_CACHE_KEY
from kennisstad.core.models import DemoDataset, Theme
from kennisstad.core.services import save_record
from kennisstad.indicators.models import Indicator, Method, Realisation
from kennisstad.indicators.services import compute_all, save_indicator
from kennisstad.policy.models import PolicyArea
from kennisstad.projects.models import PartnerRole, Project, ProjectCategory, ProjectStatus
from kennisstad.projects.services import save_project
from kennisstad.relations.models import (
    Interaction,
    InteractionKind,
    LawfulBasis,
    Organisation,
    OrganisationKind,
    Person,
    Tag,
)
from kennisstad.relations.services import save_interaction, save_organisation, save_person

SCENARIO = "groningen-2018"
LOCAL_TIME_ZONE = "Europe/Amsterdam"
UID_TEMPLATE = "demo-{slug}@kennisstad.example"

# Anchored calendar dates (month, day) fall in this window around today: ~3 months back, ~9 ahead.
WINDOW_DAYS_BACK = 95

COLLABORATION = ProjectCategory.COLLABORATION
PROFILING = ProjectCategory.PROFILING
WELCOME = ProjectCategory.WELCOME_POLICY

ENERGY = "energie"
HEALTHY_AGEING = "healthy-ageing"
DIGITAL = "digitale-economie-startups"
SMART_CITY = "smart-city"


# The scenario tables below are kept compact by hand, one record per block.
# fmt: off

# --- users -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class UserSpec:
    username: str
    password: str
    role: str
    first_name: str
    last_name: str
    organisation: str | None = None
    superuser: bool = False


USERS = (
    UserSpec("admin", "kennisstad-admin", Role.ADMINISTRATOR, "Anouk", "Mulder", superuser=True),
    UserSpec("team", "kennisstad-team", Role.TEAM_MEMBER, "Sanne", "Bakker"),
    UserSpec("advisor", "kennisstad-advisor", Role.TEAM_MEMBER, "Jeroen", "Dijkstra"),
    UserSpec("partner", "kennisstad-partner", Role.PARTNER_EDITOR, "Femke", "Hoekstra", "rug"),
    UserSpec("reader", "kennisstad-reader", Role.READER, "Pieter", "Smit"),
)

# (role, username, password) as the command prints them.
LOGINS = tuple((spec.role, spec.username, spec.password) for spec in USERS)


# --- organisations and people ------------------------------------------------------------------


@dataclass(frozen=True)
class OrganisationSpec:
    name: str
    abbreviation: str
    kind: str
    country: str
    city: str
    website: str
    description_nl: str
    description_en: str
    tags: tuple[str, ...] = ()
    owner: str = "team"


ORGANISATIONS = {
    "rug": OrganisationSpec(
        "Rijksuniversiteit Groningen", "RUG", OrganisationKind.KNOWLEDGE_INSTITUTION, "NL",
        "Groningen", "https://www.rug.nl",
        "Brede onderzoeksuniversiteit met een sterk internationaal profiel; partner in het "
        "welkomstbeleid en in de profilering van Groningen als kennisstad.",
        "Research university with a strong international profile; partner in the welcome "
        "policy and in profiling Groningen as a city of knowledge.",
        ("Kennisinstelling", "Healthy Ageing", "Energie"),
    ),
    "umcg": OrganisationSpec(
        "Universitair Medisch Centrum Groningen", "UMCG", OrganisationKind.KNOWLEDGE_INSTITUTION,
        "NL", "Groningen", "https://www.umcg.nl",
        "Academisch ziekenhuis en trekker van de Healthy Ageing-agenda in Noord-Nederland.",
        "University hospital leading the Healthy Ageing agenda in the northern Netherlands.",
        ("Kennisinstelling", "Healthy Ageing"),
        "advisor",
    ),
    "hanze": OrganisationSpec(
        "Hanzehogeschool Groningen", "Hanze", OrganisationKind.KNOWLEDGE_INSTITUTION, "NL",
        "Groningen", "https://www.hanze.nl",
        "Hogeschool met onderzoeksgroepen in energie, healthy ageing en ondernemerschap.",
        "University of applied sciences with research groups in energy, healthy ageing and "
        "entrepreneurship.",
        ("Kennisinstelling", "Energie", "Healthy Ageing"),
        "advisor",
    ),
    "iwcn": OrganisationSpec(
        "International Welcome Center North", "IWCN", OrganisationKind.OTHER, "NL", "Groningen",
        "https://www.iwcn.nl",
        "Eén loket voor internationale kenniswerkers, studenten en hun werkgevers in "
        "Noord-Nederland; spil van het Welkomstbeleid 2.0.",
        "One-stop shop for international knowledge workers, students and their employers in "
        "the northern Netherlands; hub of Welcome Policy 2.0.",
        ("Welkomstbeleid",),
    ),
    "marketing": OrganisationSpec(
        "Marketing Groningen", "", OrganisationKind.OTHER, "NL", "Groningen",
        "https://www.marketinggroningen.nl",
        "Citymarketingorganisatie; ontwikkelde de propositie voor het economisch profiel van "
        "Groningen en voert de Top Dutch-campagne.",
        "City marketing organisation; developed the proposition for Groningen's economic "
        "profile and runs the Top Dutch campaign.",
        ("Citymarketing",),
    ),
    "provincie": OrganisationSpec(
        "Provincie Groningen", "", OrganisationKind.DUTCH_GOVERNMENT, "NL", "Groningen",
        "https://www.provinciegroningen.nl",
        "Provinciaal bestuur; medefinancier van regionale innovatie- en energieprojecten.",
        "Provincial government; co-funder of regional innovation and energy projects.",
        ("Overheid",),
        "advisor",
    ),
    "nec": OrganisationSpec(
        "New Energy Coalition", "NEC", OrganisationKind.NETWORK, "NL", "Groningen",
        "https://www.newenergycoalition.org",
        "Netwerk van kennisinstellingen, bedrijven en overheden voor de energietransitie, "
        "voortgekomen uit onder meer de Energy Academy Europe.",
        "Network of knowledge institutions, companies and governments for the energy "
        "transition, grown out of the Energy Academy Europe among others.",
        ("Energie", "Zernike Campus"),
        "advisor",
    ),
    "noorderwind": OrganisationSpec(
        "Noorderwind Data B.V.", "", OrganisationKind.COMPANY, "NL", "Groningen",
        "https://www.noorderwind-data.example",
        "Gronings start-up in data-analyse voor slimme stedelijke diensten (fictief "
        "demobedrijf).",
        "Groningen start-up in data analytics for smart urban services (fictitious demo "
        "company).",
        ("Start-up", "Digitale economie"),
    ),
    "zernike-hydrogen": OrganisationSpec(
        "Zernike Hydrogen Systems B.V.", "", OrganisationKind.COMPANY, "NL", "Groningen",
        "https://www.zernike-hydrogen.example",
        "Bedrijf op de Zernike Campus dat elektrolysers voor lokale waterstofproductie "
        "ontwikkelt (fictief demobedrijf).",
        "Company on the Zernike Campus developing electrolysers for local hydrogen "
        "production (fictitious demo company).",
        ("Zernike Campus", "Energie"),
        "advisor",
    ),
    "oldenburg": OrganisationSpec(
        "Stadt Oldenburg", "", OrganisationKind.FOREIGN_GOVERNMENT, "DE", "Oldenburg",
        "https://www.oldenburg.de",
        "Stadsbestuur van Oldenburg; partner voor kennisuitwisseling en de talentcorridor.",
        "City of Oldenburg; partner for knowledge exchange and the talent corridor.",
        ("Duitsland", "Overheid"),
    ),
    "bremen": OrganisationSpec(
        "Freie Hansestadt Bremen", "", OrganisationKind.FOREIGN_GOVERNMENT, "DE", "Bremen",
        "https://www.bremen.de",
        "Stadstaat Bremen; partner in energie- en digitaliseringsprojecten.",
        "City state of Bremen; partner in energy and digitalisation projects.",
        ("Duitsland", "Overheid"),
    ),
    "uni-oldenburg": OrganisationSpec(
        "Carl von Ossietzky Universität Oldenburg", "UOL",
        OrganisationKind.KNOWLEDGE_INSTITUTION, "DE", "Oldenburg", "https://uol.de",
        "Universiteit met sterk energieonderzoek; samenwerkingspartner van RUG en Hanze.",
        "University with strong energy research; partner of the RUG and Hanze.",
        ("Duitsland", "Kennisinstelling", "Energie"),
        "advisor",
    ),
    "hwk": OrganisationSpec(
        "Hanse-Wissenschaftskolleg", "HWK", OrganisationKind.KNOWLEDGE_INSTITUTION, "DE",
        "Delmenhorst", "https://www.h-w-k.de",
        "Institute for Advanced Study van de universiteiten in Bremen en Oldenburg.",
        "Institute for Advanced Study of the universities of Bremen and Oldenburg.",
        ("Duitsland", "Kennisinstelling"),
        "advisor",
    ),
    "hnp": OrganisationSpec(
        "Huis van de Nederlandse Provincies - SNN Brussel", "HNP",
        OrganisationKind.DUTCH_GOVERNMENT, "BE", "Brussel", "https://www.snn.nl",
        "Brussels kantoor van het Samenwerkingsverband Noord-Nederland in het Huis van de "
        "Nederlandse Provincies; ons aanspreekpunt voor de EU-lobby.",
        "Brussels office of the Northern Netherlands Alliance in the House of the Dutch "
        "Provinces; our contact point for EU lobbying.",
        ("Brussel", "EU"),
    ),
    "dgregio": OrganisationSpec(
        "Europese Commissie - DG Regionaal en Stedelijk Beleid", "DG REGIO",
        OrganisationKind.EU_INTERNATIONAL, "BE", "Brussel",
        "https://ec.europa.eu/regional_policy/",
        "Directoraat-generaal van de Europese Commissie voor het regionaal en stedelijk beleid.",
        "European Commission directorate-general for regional and urban policy.",
        ("Brussel", "EU"),
    ),
    "tianjin": OrganisationSpec(
        "Tianjin Municipal People's Government", "", OrganisationKind.FOREIGN_GOVERNMENT, "CN",
        "Tianjin", "https://www.tj.gov.cn",
        "Stadsbestuur van Tianjin, waarmee Groningen een partnerschap heeft; contact via het "
        "Foreign Affairs Office.",
        "City government of Tianjin, Groningen's partner city in China; contact through the "
        "Foreign Affairs Office.",
        ("China", "Overheid"),
    ),
    "consulate": OrganisationSpec(
        "Consulaat-Generaal der Nederlanden in Shanghai", "CG Shanghai",
        OrganisationKind.EMBASSY, "CN", "Shanghai", "https://www.netherlandsandyou.nl",
        "Nederlandse vertegenwoordiging in Oost-China; helpt bij missies en contacten.",
        "Netherlands representation in eastern China; supports missions and introductions.",
        ("China",),
    ),
}


@dataclass(frozen=True)
class PersonSpec:
    first_name: str
    last_name: str
    job_title: str
    organisations: tuple[str, ...]
    email: str
    preferred_language: str
    lawful_basis: str
    retain_years: int = 3


PEOPLE = {
    "visser": PersonSpec(
        "Marieke", "Visser", "Beleidsadviseur internationalisering", ("rug",),
        "marieke.visser@rug.example.org", "nl", LawfulBasis.LEGITIMATE_INTEREST,
    ),
    "vandenberg": PersonSpec(
        "Thomas", "van den Berg", "Programmamanager Healthy Ageing", ("umcg",),
        "t.vandenberg@umcg.example.org", "nl", LawfulBasis.LEGITIMATE_INTEREST,
    ),
    "jansen": PersonSpec(
        "Lotte", "Jansen", "Coördinator internationale samenwerking", ("hanze",),
        "l.jansen@hanze.example.org", "nl", LawfulBasis.LEGITIMATE_INTEREST, 2,
    ),
    "kuipers": PersonSpec(
        "Eva", "Kuipers", "Manager", ("iwcn",), "eva.kuipers@iwcn.example.org", "nl",
        LawfulBasis.PUBLIC_TASK, 4,
    ),
    "postma": PersonSpec(
        "Ruben", "Postma", "Campagnemanager Top Dutch", ("marketing",),
        "r.postma@marketing.example.org", "nl", LawfulBasis.CONTRACT, 2,
    ),
    "wiersma": PersonSpec(
        "Hidde", "Wiersma", "Programmadirecteur waterstof", ("nec",),
        "h.wiersma@energy.example.org", "nl", LawfulBasis.LEGITIMATE_INTEREST,
    ),
    "elamrani": PersonSpec(
        "Noor", "el Amrani", "Oprichter en directeur", ("noorderwind",),
        "noor@noorderwind-data.example", "en", LawfulBasis.CONSENT, 2,
    ),
    "schroeder": PersonSpec(
        "Jana", "Schröder", "Referentin für internationale Zusammenarbeit", ("oldenburg",),
        "j.schroeder@oldenburg.example.org", "de", LawfulBasis.PUBLIC_TASK,
    ),
    "becker": PersonSpec(
        "Matthias", "Becker", "Wissenschaftlicher Referent", ("hwk", "uni-oldenburg"),
        "m.becker@hwk.example.org", "de", LawfulBasis.LEGITIMATE_INTEREST,
    ),
    "claes": PersonSpec(
        "Sophie", "Claes", "EU-beleidsadviseur", ("hnp",), "s.claes@snn.example.org", "nl",
        LawfulBasis.PUBLIC_TASK, 4,
    ),
    "popescu": PersonSpec(
        "Ioana", "Popescu", "Policy officer urban development", ("dgregio",),
        "ioana.popescu@ec.example.org", "en", LawfulBasis.PUBLIC_TASK,
    ),
    "zhao": PersonSpec(
        "Lin", "Zhao", "Deputy Director, Foreign Affairs Office", ("tianjin",),
        "zhao.lin@tianjin.example.org", "zh", LawfulBasis.PUBLIC_TASK,
    ),
    "hofstra": PersonSpec(
        "Daan", "Hofstra", "Economisch medewerker", ("consulate",),
        "d.hofstra@consulate.example.org", "nl", LawfulBasis.PUBLIC_TASK, 2,
    ),
}


@dataclass(frozen=True)
class InteractionSpec:
    subject: str
    kind: str
    days_ago: int
    notes: str
    organisations: tuple[str, ...]
    people: tuple[str, ...]
    owner: str
    follow_up_in_days: int | None = None


INTERACTIONS = (
    InteractionSpec(
        "Afstemming welkomstbeleid met de kennisinstellingen", InteractionKind.MEETING, 40,
        "Knelpunten in huisvesting en tweetaligheid doorgenomen; RUG en Hanze leveren cijfers "
        "over nieuwe internationale medewerkers aan.",
        ("rug", "umcg", "hanze", "iwcn"), ("visser", "jansen", "kuipers"), "team", 10,
    ),
    InteractionSpec(
        "Voorbereiding inkomende delegatie Tianjin", InteractionKind.CALL, 20,
        "Programma en gesprekspartners besproken; Tianjin wil vooral Healthy Ageing en smart "
        "city zien.",
        ("tianjin", "consulate"), ("zhao", "hofstra"), "team", 7,
    ),
    InteractionSpec(
        "Uitnodiging lab-sessie European Week of Regions and Cities", InteractionKind.MAIL, 75,
        "DG REGIO nodigt Groningen uit een sessie over kennissteden te verzorgen.",
        ("dgregio", "hnp"), ("popescu", "claes"), "advisor",
    ),
    InteractionSpec(
        "Werkbezoek Oldenburg: verkenning talentcorridor", InteractionKind.VISIT, 55,
        "Oldenburg is positief over een gezamenlijke aanpak voor het binden van afgestudeerden; "
        "uitwerking in een projectvoorstel.",
        ("oldenburg", "uni-oldenburg"), ("schroeder", "becker"), "advisor", 21,
    ),
    InteractionSpec(
        "Top Dutch: campagneplanning voorjaar", InteractionKind.MEETING, 12,
        "Thema's en budget voor de voorjaarscampagne afgestemd; accent op internationaal talent.",
        ("marketing",), ("postma",), "team", 14,
    ),
    InteractionSpec(
        "Evaluatie dienstverlening IWCN", InteractionKind.CALL, 5,
        "Klanttevredenheid is hoog; wachttijden voor registratie blijven een aandachtspunt.",
        ("iwcn",), ("kuipers",), "team", 30,
    ),
    InteractionSpec(
        "Programma missie China", InteractionKind.MAIL, 8,
        "Consulaat stelt een bezoek aan een zorgcampus en een innovatiezone in Tianjin voor.",
        ("consulate", "tianjin"), ("hofstra",), "advisor", 5,
    ),
    InteractionSpec(
        "Waterstof op de Hannover Messe", InteractionKind.MEETING, 30,
        "Gezamenlijke stand met New Energy Coalition en campusbedrijven verkend.",
        ("nec", "zernike-hydrogen"), ("wiersma",), "advisor", 45,
    ),
    InteractionSpec(
        "Kennismaking start-up Noorderwind Data", InteractionKind.VISIT, 3,
        "Bedrijf zoekt pilotlocaties en internationale contacten via Groningen Digital City.",
        ("noorderwind",), ("elamrani",), "team",
    ),
)


# --- projects ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProjectSpec:
    category: str
    title_nl: str
    title_en: str
    description_nl: str
    description_en: str
    status: str
    start: datetime.date | None
    end: datetime.date | None
    themes: tuple[str, ...] = ()
    lead: str | None = None
    partners: tuple[tuple[str, str], ...] = ()
    countries: tuple[str, ...] = ("NL",)
    budget: int | None = None
    outcome_nl: str = ""
    outcome_en: str = ""
    is_public: bool = False
    owner: str = "team"
    # Planned projects start this many years after the year of loading (then ``start``/``end``
    # give only month and day).
    years_ahead: int | None = None


D = datetime.date
LEAD, PARTNER, KNOWLEDGE, FUNDER, ADVISOR = (
    PartnerRole.LEAD,
    PartnerRole.PARTNER,
    PartnerRole.KNOWLEDGE_PARTNER,
    PartnerRole.FUNDER,
    PartnerRole.ADVISOR,
)

PROJECTS = {
    # Collaboration on knowledge and innovation: 2 in 2016, 3 in 2017, 6 in 2018, 5 in 2019.
    "energy-oldenburg": ProjectSpec(
        COLLABORATION,
        "Kennisuitwisseling energietransitie Groningen-Oldenburg",
        "Energy transition knowledge exchange Groningen-Oldenburg",
        "Onderzoekers en studenten uit Groningen en Oldenburg werken samen aan vraagstukken "
        "van de regionale energietransitie.",
        "Researchers and students from Groningen and Oldenburg work together on the regional "
        "energy transition.",
        ProjectStatus.COMPLETED, D(2016, 3, 1), D(2017, 12, 31), (ENERGY,), "nec",
        (("nec", LEAD), ("uni-oldenburg", KNOWLEDGE), ("hanze", PARTNER), ("oldenburg", PARTNER)),
        ("NL", "DE"), 85000,
        "Vier masterclasses en drie onderzoeksuitwisselingen; basis voor het waterstofproject.",
        "Four master classes and three research exchanges; the basis of the hydrogen project.",
        True,
    ),
    "healthy-ageing-tianjin": ProjectSpec(
        COLLABORATION,
        "Healthy Ageing-samenwerking met Tianjin",
        "Healthy Ageing collaboration with Tianjin",
        "Uitwisseling van kennis over ouderenzorg en preventie tussen Groningen en Tianjin.",
        "Exchange of knowledge on elderly care and prevention between Groningen and Tianjin.",
        ProjectStatus.COMPLETED, D(2016, 5, 1), D(2016, 12, 31), (HEALTHY_AGEING,), "umcg",
        (("umcg", LEAD), ("tianjin", PARTNER), ("consulate", ADVISOR)),
        ("NL", "CN"), 40000,
        "Intentieverklaring over ouderenzorg en een uitwisseling van zorgprofessionals.",
        "Letter of intent on elderly care and an exchange of care professionals.",
        owner="advisor",
    ),
    "interreg-bremen": ProjectSpec(
        COLLABORATION,
        "Interreg-aanvraag Smart Energy Bremen-Groningen",
        "Interreg application Smart Energy Bremen-Groningen",
        "Gezamenlijke Interreg-aanvraag voor slimme energienetten in stadswijken.",
        "Joint Interreg application for smart energy grids in urban districts.",
        ProjectStatus.CANCELLED, D(2016, 2, 1), D(2016, 10, 31), (ENERGY, SMART_CITY), "bremen",
        (("bremen", LEAD), ("provincie", FUNDER)),
        ("NL", "DE"), 120000,
        "Aanvraag ingetrokken: de cofinanciering kwam niet rond.",
        "Application withdrawn: co-funding could not be secured.",
        owner="advisor",
    ),
    "digital-bremen": ProjectSpec(
        COLLABORATION,
        "Kennisalliantie digitale economie Groningen-Bremen",
        "Digital economy knowledge alliance Groningen-Bremen",
        "Start-ups en onderzoekers uit beide steden delen kennis over data en platformen.",
        "Start-ups and researchers from both cities share knowledge on data and platforms.",
        ProjectStatus.COMPLETED, D(2017, 4, 1), D(2018, 6, 30), (DIGITAL,), "rug",
        (("rug", LEAD), ("bremen", PARTNER), ("noorderwind", PARTNER)),
        ("NL", "DE"), 60000,
        "Twee matchmakingdagen; vijf Groninger start-ups vonden een Duitse pilotpartner.",
        "Two matchmaking days; five Groningen start-ups found a German pilot partner.",
    ),
    "healthy-ageing-labs": ProjectSpec(
        COLLABORATION,
        "Healthy Ageing living labs in Groninger wijken",
        "Healthy Ageing living labs in Groningen neighbourhoods",
        "Kennisinstellingen testen met bewoners innovaties voor gezond ouder worden, met "
        "internationale partners als klankbord.",
        "Knowledge institutions test innovations for healthy ageing with residents, with "
        "international partners as sounding board.",
        ProjectStatus.ACTIVE, D(2017, 9, 1), None, (HEALTHY_AGEING, SMART_CITY), "umcg",
        (("umcg", LEAD), ("hanze", KNOWLEDGE), ("rug", KNOWLEDGE), ("provincie", FUNDER)),
        ("NL",), 250000, is_public=True, owner="advisor",
    ),
    "hydrogen-region": ProjectSpec(
        COLLABORATION,
        "Waterstofregio Noord-Nederland - Niedersachsen",
        "Hydrogen region Northern Netherlands - Lower Saxony",
        "Grensoverschrijdende samenwerking aan productie en gebruik van groene waterstof.",
        "Cross-border collaboration on producing and using green hydrogen.",
        ProjectStatus.ACTIVE, D(2018, 1, 15), None, (ENERGY,), "nec",
        (
            ("nec", LEAD), ("zernike-hydrogen", PARTNER), ("provincie", FUNDER),
            ("uni-oldenburg", KNOWLEDGE), ("oldenburg", PARTNER),
        ),
        ("NL", "DE"), 400000, is_public=True, owner="advisor",
    ),
    "smart-city-tianjin": ProjectSpec(
        COLLABORATION,
        "Smart city-uitwisseling Groningen-Tianjin",
        "Smart city exchange Groningen-Tianjin",
        "Uitwisseling over datagedreven stadsbeheer met de partnerstad Tianjin.",
        "Exchange on data-driven city management with the partner city of Tianjin.",
        ProjectStatus.COMPLETED, D(2018, 3, 1), D(2018, 12, 31), (SMART_CITY,), None,
        (("tianjin", PARTNER), ("consulate", ADVISOR), ("noorderwind", PARTNER)),
        ("NL", "CN"), 55000,
        "Twee werkbezoeken en een gezamenlijke pilot met verkeersdata.",
        "Two working visits and a joint pilot with traffic data.",
    ),
    "zernike-digital": ProjectSpec(
        COLLABORATION,
        "Digitale innovatie op de Zernike Campus",
        "Digital innovation on the Zernike Campus",
        "Hanzehogeschool, RUG en start-ups ontwikkelen samen digitale toepassingen voor "
        "internationale markten.",
        "Hanze, the RUG and start-ups jointly develop digital applications for international "
        "markets.",
        ProjectStatus.COMPLETED, D(2018, 4, 1), D(2020, 3, 31), (DIGITAL,), "hanze",
        (("hanze", LEAD), ("rug", KNOWLEDGE), ("noorderwind", PARTNER), ("provincie", FUNDER)),
        ("NL",), 180000,
        "Twaalf prototypes, waarvan vier als product op de markt.",
        "Twelve prototypes, four of which reached the market.",
        True,
    ),
    "healthy-ageing-network": ProjectSpec(
        COLLABORATION,
        "Europees kennisnetwerk Healthy Ageing",
        "European Healthy Ageing knowledge network",
        "Groningen deelt zijn Healthy Ageing-aanpak met Europese regio's en haalt kennis op.",
        "Groningen shares its Healthy Ageing approach with European regions and learns from them.",
        ProjectStatus.COMPLETED, D(2018, 9, 1), D(2019, 8, 31), (HEALTHY_AGEING,), "umcg",
        (("umcg", LEAD), ("hanze", KNOWLEDGE), ("hnp", ADVISOR)),
        ("NL", "BE"), 70000,
        "Groningen werd voorbeeldregio in het Europese netwerk.",
        "Groningen became a reference region in the European network.",
        owner="advisor",
    ),
    "energy-neighbourhoods": ProjectSpec(
        COLLABORATION,
        "Energietransitie in wijken: Europese uitwisseling",
        "Energy transition in neighbourhoods: European exchange",
        "Groningen, Bremen en Europese partners leren van elkaars wijkaanpak voor aardgasvrij "
        "wonen.",
        "Groningen, Bremen and European partners learn from each other's neighbourhood "
        "approach to gas-free housing.",
        ProjectStatus.COMPLETED, D(2019, 2, 1), D(2020, 12, 31), (ENERGY, SMART_CITY), None,
        (("bremen", PARTNER), ("hanze", KNOWLEDGE), ("nec", PARTNER)),
        ("NL", "DE", "BE"), 95000,
        "Handreiking wijkaanpak, vertaald in het Duits en Engels.",
        "Neighbourhood approach guide, translated into German and English.",
        owner="advisor",
    ),
    "talent-corridor": ProjectSpec(
        COLLABORATION,
        "Talentcorridor Groningen-Oldenburg",
        "Talent corridor Groningen-Oldenburg",
        "Afgestudeerden en kenniswerkers vinden makkelijker werk aan beide kanten van de grens.",
        "Graduates and knowledge workers find work more easily on both sides of the border.",
        ProjectStatus.PLANNED, D(1, 3, 1), D(1, 12, 31), (DIGITAL,), None,
        (("oldenburg", PARTNER), ("uni-oldenburg", KNOWLEDGE), ("rug", KNOWLEDGE),
         ("iwcn", ADVISOR)),
        ("NL", "DE"), 150000, owner="advisor", years_ahead=1,
    ),
    "healthy-ageing-xian": ProjectSpec(
        COLLABORATION,
        "Healthy Ageing-samenwerking met Xi'an",
        "Healthy Ageing collaboration with Xi'an",
        "Verkenning van een tweede Chinese partnerregio voor Healthy Ageing.",
        "Exploring a second Chinese partner region for Healthy Ageing.",
        ProjectStatus.IDEA, None, None, (HEALTHY_AGEING,), countries=("CN",), owner="advisor",
    ),
    # Profiling Groningen as a city of knowledge: 2 in 2016, 3 in 2017, 6 in 2018, 5 in 2019.
    "top-dutch": ProjectSpec(
        PROFILING,
        "Top Dutch-campagne",
        "Top Dutch campaign",
        "Campagne die laat zien wat Noord-Nederland in huis heeft: een creatief "
        "ondernemersklimaat, veel talent en korte lijnen; gericht op internationale bedrijven, "
        "investeerders en talent.",
        "Campaign showing what the northern Netherlands has to offer: a creative business "
        "climate, plenty of talent and short lines; aimed at international companies, "
        "investors and talent.",
        ProjectStatus.ACTIVE, D(2016, 2, 1), None, (DIGITAL, ENERGY, HEALTHY_AGEING),
        "marketing",
        (("marketing", LEAD), ("provincie", FUNDER), ("rug", PARTNER), ("hanze", PARTNER),
         ("nec", PARTNER)),
        ("NL", "DE", "CN"), 300000, is_public=True,
    ),
    "smart-users-city": ProjectSpec(
        PROFILING,
        "Groningen Smart Users City",
        "Groningen Smart Users City",
        "Profilering van Groningen als stad waar inwoners meedenken en meetesten met slimme "
        "toepassingen.",
        "Profiling Groningen as a city whose residents help design and test smart solutions.",
        ProjectStatus.COMPLETED, D(2016, 6, 1), D(2017, 12, 31), (SMART_CITY,), None,
        (("rug", KNOWLEDGE), ("noorderwind", PARTNER), ("marketing", PARTNER)),
        ("NL",), 75000,
        "Presentaties op vier internationale congressen en een eigen Smart Users-label.",
        "Presentations at four international congresses and a Smart Users label of its own.",
        True,
    ),
    "digital-city": ProjectSpec(
        PROFILING,
        "Groningen Digital City",
        "Groningen Digital City",
        "Vergroten van de bekendheid van de Groningse digitale economie en de start-upscene.",
        "Raising the profile of Groningen's digital economy and start-up scene.",
        ProjectStatus.ACTIVE, D(2017, 3, 1), None, (DIGITAL,), "marketing",
        (("marketing", LEAD), ("noorderwind", PARTNER), ("hanze", PARTNER), ("rug", PARTNER)),
        ("NL",), 120000, is_public=True,
    ),
    "ewrc-2018": ProjectSpec(
        PROFILING,
        "Groningen op de European Week of Regions and Cities",
        "Groningen at the European Week of Regions and Cities",
        "Groningen presenteert zich in Brussel als kennisstad met een eigen sessie en stand.",
        "Groningen presents itself in Brussels as a city of knowledge with its own session "
        "and stand.",
        ProjectStatus.COMPLETED, D(2018, 5, 1), D(2018, 10, 31), (SMART_CITY, ENERGY), "hnp",
        (("hnp", LEAD), ("provincie", PARTNER), ("dgregio", ADVISOR)),
        ("BE", "NL"), 25000,
        "Volle zaal bij de Groningen-sessie en nieuwe contacten met drie Europese regio's.",
        "A full room at the Groningen session and new contacts with three European regions.",
        True, "advisor",
    ),
    "economic-profile": ProjectSpec(
        PROFILING,
        "Economisch profiel Groningen: propositie met partners",
        "Groningen's economic profile: a proposition with partners",
        "Marketing Groningen en de partners dragen één economisch profiel van Groningen uit.",
        "Marketing Groningen and the partners convey one economic profile of Groningen.",
        ProjectStatus.COMPLETED, D(2018, 1, 1), D(2019, 12, 31),
        (ENERGY, HEALTHY_AGEING, DIGITAL, SMART_CITY), "marketing",
        (("marketing", LEAD), ("rug", PARTNER), ("umcg", PARTNER), ("hanze", PARTNER),
         ("provincie", FUNDER)),
        ("NL",), 90000,
        "Gedeelde kernboodschap, beeldbank en presentatie voor alle partners.",
        "A shared core message, image library and presentation for all partners.",
    ),
    "healthy-ageing-germany": ProjectSpec(
        PROFILING,
        "Healthy Ageing-profilering in Duitsland",
        "Profiling Healthy Ageing in Germany",
        "Groningen presenteert zijn Healthy Ageing-expertise op Duitse beurzen en congressen.",
        "Groningen presents its Healthy Ageing expertise at German fairs and congresses.",
        ProjectStatus.COMPLETED, D(2018, 2, 1), D(2018, 12, 31), (HEALTHY_AGEING,), "umcg",
        (("umcg", LEAD), ("bremen", PARTNER)),
        ("DE", "NL"), 45000,
        "Gezamenlijke stand op twee zorgbeurzen en een Duitstalige brochure.",
        "A joint stand at two health fairs and a German-language brochure.",
        owner="advisor",
    ),
    "energy-china": ProjectSpec(
        PROFILING,
        "Groningen Energy City in China",
        "Groningen Energy City in China",
        "Profilering van de Groningse energiekennis bij Chinese overheden en bedrijven.",
        "Profiling Groningen's energy expertise with Chinese governments and companies.",
        ProjectStatus.COMPLETED, D(2018, 6, 1), D(2019, 5, 31), (ENERGY,), None,
        (("consulate", ADVISOR), ("tianjin", PARTNER), ("nec", PARTNER)),
        ("CN", "NL"), 65000,
        "Seminar in Tianjin en een tegenbezoek van een Chinese energiedelegatie.",
        "A seminar in Tianjin and a return visit by a Chinese energy delegation.",
        True,
    ),
    "startup-scene": ProjectSpec(
        PROFILING,
        "Start-upscene Groningen internationaal zichtbaar",
        "Putting Groningen's start-up scene on the international map",
        "Groningse start-ups presenteren zich met de stad op internationale tech-events.",
        "Groningen start-ups present themselves with the city at international tech events.",
        ProjectStatus.COMPLETED, D(2019, 1, 15), D(2019, 12, 31), (DIGITAL,), "marketing",
        (("marketing", LEAD), ("noorderwind", PARTNER), ("hanze", PARTNER)),
        ("NL", "DE"), 50000,
        "Twintig start-ups op drie internationale events.",
        "Twenty start-ups at three international events.",
        True,
    ),
    "hannover-showcase": ProjectSpec(
        PROFILING,
        "Kennisstad Groningen op de Hannover Messe",
        "City of knowledge Groningen at the Hannover Messe",
        "Gezamenlijke Noord-Nederlandse stand met nadruk op waterstof en digitale industrie.",
        "Joint northern Netherlands stand focusing on hydrogen and digital industry.",
        ProjectStatus.PLANNED, D(1, 1, 15), D(1, 6, 30), (ENERGY, DIGITAL), "nec",
        (("nec", LEAD), ("zernike-hydrogen", PARTNER), ("provincie", FUNDER)),
        ("DE", "NL"), 70000, owner="advisor", years_ahead=1,
    ),
    # Welcome policy 2.0.
    "iwcn-support": ProjectSpec(
        WELCOME,
        "Ondersteuning International Welcome Center North",
        "Support for the International Welcome Center North",
        "De gemeente financiert en ondersteunt het IWCN als loket voor internationals en hun "
        "werkgevers.",
        "The municipality funds and supports the IWCN as the desk for internationals and "
        "their employers.",
        ProjectStatus.ACTIVE, D(2015, 1, 1), None, (), "iwcn",
        (("iwcn", LEAD), ("rug", PARTNER), ("umcg", PARTNER), ("hanze", PARTNER),
         ("provincie", FUNDER)),
        ("NL",), 450000, is_public=True,
    ),
    "bilingual-services": ProjectSpec(
        WELCOME,
        "Tweetalige gemeentelijke dienstverlening",
        "Bilingual municipal services",
        "Formulieren, website en balies van de gemeente worden in het Nederlands en Engels "
        "aangeboden.",
        "The municipality's forms, website and desks are offered in Dutch and English.",
        ProjectStatus.COMPLETED, D(2016, 9, 1), D(2018, 12, 31), (), None,
        (("iwcn", ADVISOR),),
        ("NL",), 80000,
        "Alle veelgebruikte formulieren en webpagina's zijn tweetalig; balie en telefoon "
        "helpen in het Engels.",
        "All frequently used forms and web pages are bilingual; desk and phone staff help in "
        "English.",
        True,
    ),
    "housing-internationals": ProjectSpec(
        WELCOME,
        "Huisvesting voor internationale studenten en kenniswerkers",
        "Housing for international students and knowledge workers",
        "Met de kennisinstellingen zorgen we voor voldoende en betaalbare kamers en woningen "
        "voor internationals.",
        "Together with the knowledge institutions we provide enough affordable rooms and "
        "homes for internationals.",
        ProjectStatus.COMPLETED, D(2017, 1, 1), D(2019, 12, 31), (), None,
        (("rug", PARTNER), ("hanze", PARTNER), ("iwcn", ADVISOR)),
        ("NL",), 200000,
        "Achthonderd extra eenheden en een meldpunt voor malafide verhuur.",
        "Eight hundred extra units and a hotline for rogue landlords.",
    ),
    "social-integration": ProjectSpec(
        WELCOME,
        "Internationals in het sociaal-culturele leven",
        "Internationals in social and cultural life",
        "Buddyprogramma's en activiteiten helpen internationals hun weg te vinden in stad en "
        "verenigingsleven.",
        "Buddy programmes and events help internationals find their way in the city and its "
        "clubs and societies.",
        ProjectStatus.COMPLETED, D(2018, 3, 1), D(2019, 12, 31), (), "iwcn",
        (("iwcn", LEAD), ("marketing", PARTNER)),
        ("NL",), 60000,
        "Vijfhonderd deelnemers aan het buddyprogramma.",
        "Five hundred participants in the buddy programme.",
        True,
    ),
    "dual-career": ProjectSpec(
        WELCOME,
        "Dual career-programma voor partners van internationals",
        "Dual career programme for partners of internationals",
        "Partners van internationale kenniswerkers krijgen hulp bij het vinden van werk in de "
        "regio.",
        "Partners of international knowledge workers get help finding work in the region.",
        ProjectStatus.ACTIVE, D(2019, 4, 1), None, (), "iwcn",
        (("iwcn", LEAD), ("rug", PARTNER), ("umcg", PARTNER), ("hanze", PARTNER)),
        ("NL",), 90000, is_public=True,
    ),
    "digital-welcome-desk": ProjectSpec(
        WELCOME,
        "Digitale welkomstbalie voor internationals",
        "Digital welcome desk for internationals",
        "Eén tweetalige online omgeving voor alle gemeentelijke zaken van nieuwe internationals.",
        "One bilingual online environment for all municipal matters of newly arrived "
        "internationals.",
        ProjectStatus.PLANNED, D(1, 1, 1), D(1, 12, 31), (), None,
        (("iwcn", ADVISOR),),
        ("NL",), 110000, years_ahead=1,
    ),
}


# --- calendar ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ActivitySpec:
    """One calendar item. The first day is given by exactly one of ``on`` (the next such month
    and day in the demo window), ``in_days`` (days from today) or ``after`` (days after the first
    day of another activity). ``at`` is the local start time; without it the activity lasts
    ``days`` whole days."""

    slug: str
    kind: str
    title_nl: str
    title_en: str
    description_nl: str
    description_en: str
    on: tuple[int, int] | None = None
    in_days: int | None = None
    after: tuple[str, int] | None = None
    weekday: int | None = None
    at: tuple[int, int] | None = None
    hours: float = 1
    days: int = 1
    timezone: str = LOCAL_TIME_ZONE
    location: str = ""
    city: str = "Groningen"
    country: str = "NL"
    organiser: str | None = None
    department: str = ""
    project: str | None = None
    themes: tuple[str, ...] = ()
    visibility: str = Visibility.INTERNAL
    status: str = ActivityStatus.CONFIRMED
    team: tuple[str, ...] = ("team",)
    people: tuple[str, ...] = ()
    rrule: str = ""


TRADE_FAIR = ActivityKind.TRADE_FAIR
CONFERENCE = ActivityKind.CONFERENCE
INCOMING = ActivityKind.INCOMING_VISIT
OUTGOING = ActivityKind.OUTGOING_VISIT
LOBBY = ActivityKind.LOBBY_MEETING
SOCIAL = ActivityKind.SOCIAL_MEDIA
RECEPTION = ActivityKind.RECEPTION
WEBINAR = ActivityKind.WEBINAR
OTHER = ActivityKind.OTHER
INTERNAL, PARTNERS, PUBLIC = Visibility.INTERNAL, Visibility.PARTNERS, Visibility.PUBLIC
TENTATIVE, CANCELLED = ActivityStatus.TENTATIVE, ActivityStatus.CANCELLED
IZ = "Internationale Zaken"
EZ = "Economische Zaken"
CITY_HALL = "Stadhuis, Grote Markt 1"
ZERNIKE = "Zernike Campus"
ONLINE = "Online"
MONDAY, TUESDAY, THURSDAY = 0, 1, 3

ACTIVITIES = (
    ActivitySpec(
        "team-coordination", OTHER,
        "Wekelijks overleg team internationale zaken", "Weekly international affairs team meeting",
        "Afstemming van projecten, profilering en relatiebeheer aan de hand van de "
        "internationale kalender.",
        "Coordination of projects, profiling and relationship management along the "
        "international calendar.",
        in_days=-27, weekday=MONDAY, at=(9, 30), hours=1, location=CITY_HALL, department=IZ,
        team=("team", "advisor", "admin"), rrule="FREQ=WEEKLY;BYDAY=MO;COUNT=12",
    ),
    ActivitySpec(
        "welcome-partner-meeting", OTHER,
        "Partneroverleg welkomstbeleid", "Welcome policy partner meeting",
        "Vierwekelijks overleg van gemeente, kennisinstellingen en IWCN over het "
        "Welkomstbeleid 2.0.",
        "Four-weekly meeting of the municipality, knowledge institutions and IWCN on Welcome "
        "Policy 2.0.",
        in_days=-50, weekday=THURSDAY, at=(14, 0), hours=1.5,
        location="International Welcome Center North", organiser="iwcn", project="iwcn-support",
        visibility=PARTNERS, people=("kuipers", "visser", "jansen"),
        rrule="FREQ=WEEKLY;INTERVAL=4;BYDAY=TH;COUNT=10",
    ),
    # Trade fairs.
    ActivitySpec(
        "hannover-messe", TRADE_FAIR, "Hannover Messe", "Hannover Messe",
        "Noord-Nederlandse stand over waterstof en digitale industrie op de grootste "
        "industriebeurs ter wereld.",
        "Northern Netherlands stand on hydrogen and digital industry at the world's largest "
        "industrial fair.",
        on=(4, 19), weekday=MONDAY, days=5, location="Messegelände", city="Hannover",
        country="DE", department=EZ, project="hydrogen-region", themes=(ENERGY, DIGITAL),
        visibility=PUBLIC, team=("advisor",), people=("wiersma",),
    ),
    ActivitySpec(
        "e-world", TRADE_FAIR, "E-world energy & water", "E-world energy & water",
        "Verkenning van Duitse partners voor de waterstofregio.",
        "Scouting German partners for the hydrogen region.",
        on=(2, 9), weekday=TUESDAY, days=3, location="Messe Essen", city="Essen", country="DE",
        organiser="nec", project="hydrogen-region", themes=(ENERGY,), visibility=PARTNERS,
        status=TENTATIVE, team=("advisor",), people=("wiersma",),
    ),
    ActivitySpec(
        "medica", TRADE_FAIR, "MEDICA", "MEDICA",
        "Healthy Ageing-paviljoen van UMCG en Groninger bedrijven op de medische vakbeurs.",
        "Healthy Ageing pavilion of the UMCG and Groningen companies at the medical trade fair.",
        on=(11, 16), weekday=MONDAY, days=4, location="Messe Düsseldorf", city="Düsseldorf",
        country="DE", organiser="umcg", project="healthy-ageing-labs", themes=(HEALTHY_AGEING,),
        visibility=PUBLIC, team=("advisor",), people=("vandenberg",),
    ),
    ActivitySpec(
        "feel-at-home-fair", TRADE_FAIR,
        "Feel at Home in Groningen-beurs", "Feel at Home in Groningen fair",
        "Informatiemarkt voor internationals over wonen, werken, zorg en vrije tijd.",
        "Information fair for internationals on housing, work, health care and leisure.",
        on=(10, 4), location="MartiniPlaza", organiser="iwcn", project="iwcn-support",
        visibility=PUBLIC, people=("kuipers",),
    ),
    ActivitySpec(
        "hydrogen-expo", TRADE_FAIR,
        "Hydrogen Technology Expo Europe", "Hydrogen Technology Expo Europe",
        "Deelname geannuleerd: de inzet gaat naar de gezamenlijke stand op de Hannover Messe.",
        "Participation cancelled: efforts go to the joint stand at the Hannover Messe.",
        on=(10, 21), days=2, location="Hamburg Messe", city="Hamburg", country="DE",
        department=EZ, project="hydrogen-region", themes=(ENERGY,), visibility=PARTNERS,
        status=CANCELLED, team=("advisor",),
    ),
    # Conferences.
    ActivitySpec(
        "ewrc", CONFERENCE,
        "European Week of Regions and Cities", "European Week of Regions and Cities",
        "Groningen verzorgt een sessie over kennissteden en de energietransitie.",
        "Groningen hosts a session on cities of knowledge and the energy transition.",
        on=(10, 12), weekday=MONDAY, days=4, location="Europese wijk", city="Brussel",
        country="BE", organiser="dgregio", themes=(SMART_CITY, ENERGY), visibility=PUBLIC,
        team=("team", "advisor"), people=("claes", "popescu"),
    ),
    ActivitySpec(
        "healthy-ageing-congress", CONFERENCE,
        "Healthy Ageing-congres", "Healthy Ageing congress",
        "Jaarlijks congres over gezond ouder worden met sprekers uit binnen- en buitenland.",
        "Annual congress on healthy ageing with speakers from home and abroad.",
        on=(3, 25), at=(9, 0), hours=8, location="UMCG, Blauwe Zaal", organiser="umcg",
        project="healthy-ageing-labs", themes=(HEALTHY_AGEING,), visibility=PUBLIC,
        team=("advisor",), people=("vandenberg", "jansen"),
    ),
    ActivitySpec(
        "energy-congress", CONFERENCE,
        "Noordelijk energiecongres", "Northern energy congress",
        "Stand van zaken in de regionale energietransitie, met een Duits-Nederlandse sessie "
        "over waterstof.",
        "The state of the regional energy transition, with a German-Dutch session on hydrogen.",
        on=(6, 3), at=(9, 30), hours=7, location=ZERNIKE, organiser="nec",
        project="hydrogen-region", themes=(ENERGY,), visibility=PUBLIC, status=TENTATIVE,
        team=("advisor",), people=("wiersma", "becker"),
    ),
    ActivitySpec(
        "smart-city-expo", CONFERENCE,
        "Smart City Expo World Congress", "Smart City Expo World Congress",
        "Groningen presenteert de Smart Users-aanpak aan internationale steden.",
        "Groningen presents its Smart Users approach to cities from around the world.",
        on=(11, 17), weekday=TUESDAY, days=3, location="Fira Gran Via", city="Barcelona",
        country="ES", department=EZ, themes=(SMART_CITY, DIGITAL), visibility=PUBLIC,
        team=("advisor",), people=("elamrani",),
    ),
    ActivitySpec(
        "internationals-symposium", CONFERENCE,
        "Symposium internationaal talent", "International talent symposium",
        "Werkgevers, kennisinstellingen en gemeente over het aantrekken en behouden van "
        "internationaal talent.",
        "Employers, knowledge institutions and the municipality on attracting and retaining "
        "international talent.",
        on=(5, 20), at=(13, 0), hours=4, location="Forum Groningen", organiser="iwcn",
        project="dual-career", visibility=PUBLIC, status=TENTATIVE,
        people=("kuipers", "visser"),
    ),
    ActivitySpec(
        "digital-city-summit", CONFERENCE,
        "Groningen Digital City Summit", "Groningen Digital City Summit",
        "Dag over de Groningse digitale economie, met pitches van start-ups voor "
        "internationale investeerders.",
        "A day on Groningen's digital economy, with start-up pitches for international "
        "investors.",
        on=(9, 24), at=(10, 0), hours=6, location=ZERNIKE, organiser="marketing",
        project="digital-city", themes=(DIGITAL,), visibility=PUBLIC,
        people=("postma", "elamrani"),
    ),
    ActivitySpec(
        "smart-cities-forum", CONFERENCE,
        "Europees forum slimme steden", "European smart cities forum",
        "Bijeenkomst van de Europese Commissie over de uitrol van slimme oplossingen in steden.",
        "European Commission meeting on rolling out smart solutions in cities.",
        in_days=4, at=(9, 0), hours=8, location="Charlemagne-gebouw", city="Brussel",
        country="BE", organiser="dgregio", themes=(SMART_CITY,), visibility=PARTNERS,
        team=("advisor",), people=("popescu",),
    ),
    # Incoming visits.
    ActivitySpec(
        "tianjin-delegation", INCOMING,
        "Inkomende delegatie Tianjin", "Incoming delegation from Tianjin",
        "Bestuurlijke delegatie uit de partnerstad bezoekt UMCG, Zernike Campus en stadhuis.",
        "Government delegation from the partner city visits the UMCG, Zernike Campus and city "
        "hall.",
        in_days=18, weekday=TUESDAY, days=3, location="Stadhuis en Zernike Campus",
        department=IZ, themes=(SMART_CITY, HEALTHY_AGEING), visibility=PARTNERS,
        team=("team", "advisor", "admin"), people=("zhao", "hofstra"),
    ),
    ActivitySpec(
        "tianjin-reception", RECEPTION,
        "Ontvangst delegatie Tianjin in het stadhuis", "Reception for the Tianjin delegation",
        "Welkomstreceptie door de burgemeester voor de delegatie uit Tianjin.",
        "Welcome reception by the mayor for the delegation from Tianjin.",
        after=("tianjin-delegation", 0), at=(18, 0), hours=2, location="Stadhuis, Burgerzaal",
        department=IZ, visibility=PARTNERS, team=("team", "admin"), people=("zhao",),
    ),
    ActivitySpec(
        "oldenburg-visit", INCOMING,
        "Bezoek Stadt Oldenburg aan de Zernike Campus", "Oldenburg city visit to Zernike Campus",
        "Kennismaking met campusbedrijven als opmaat naar de talentcorridor.",
        "Meeting campus companies as a prelude to the talent corridor.",
        on=(3, 11), at=(10, 0), hours=5, location=ZERNIKE, department=IZ,
        project="talent-corridor", themes=(DIGITAL,), visibility=PARTNERS, status=TENTATIVE,
        people=("schroeder",),
    ),
    ActivitySpec(
        "dg-regio-visit", INCOMING,
        "Werkbezoek DG REGIO aan Groningen", "DG REGIO working visit to Groningen",
        "Ambtenaren van de Commissie bekijken Groningse projecten voor stedelijke innovatie.",
        "Commission officials look at Groningen projects in urban innovation.",
        on=(6, 16), at=(10, 0), hours=4, location=CITY_HALL, department=IZ,
        themes=(SMART_CITY, ENERGY), status=TENTATIVE, team=("team", "advisor"),
        people=("popescu", "claes"),
    ),
    ActivitySpec(
        "consul-general-visit", INCOMING,
        "Bezoek consul-generaal Shanghai", "Visit by the consul general from Shanghai",
        "Rondleiding over de Zernike Campus en gesprek over de missie naar China.",
        "Tour of the Zernike Campus and talks on the mission to China.",
        in_days=-30, at=(13, 30), hours=3, location=ZERNIKE, department=IZ,
        themes=(ENERGY, DIGITAL), team=("team", "advisor"), people=("hofstra",),
    ),
    ActivitySpec(
        "oldenburg-university-visit", INCOMING,
        "Bezoek Universität Oldenburg aan de RUG", "Oldenburg university visit to the RUG",
        "Bestuurders van beide universiteiten bespreken gezamenlijke energieopleidingen.",
        "Boards of both universities discuss joint energy programmes.",
        on=(4, 14), at=(10, 0), hours=6, location="Academiegebouw", organiser="rug",
        project="talent-corridor", themes=(ENERGY,), visibility=PARTNERS,
        people=("becker", "visser"),
    ),
    ActivitySpec(
        "bremen-study-tour", INCOMING,
        "Studiereis Healthy Ageing uit Bremen", "Healthy Ageing study tour from Bremen",
        "Zorgprofessionals uit Bremen bezoeken de Groningse living labs.",
        "Care professionals from Bremen visit the Groningen living labs.",
        on=(6, 1), at=(9, 30), hours=7, location="UMCG", organiser="umcg",
        project="healthy-ageing-labs", themes=(HEALTHY_AGEING,), visibility=PARTNERS,
        team=("advisor",), people=("vandenberg",),
    ),
    # Outgoing visits, one of them in China time.
    ActivitySpec(
        "china-mission", OUTGOING,
        "Missie naar China: Tianjin en Shanghai", "Mission to China: Tianjin and Shanghai",
        "Bestuurlijke en economische missie naar de partnerstad Tianjin en naar Shanghai.",
        "Government and trade mission to the partner city of Tianjin and to Shanghai.",
        on=(5, 10), weekday=MONDAY, days=6, timezone="Asia/Shanghai",
        location="Tianjin en Shanghai", city="Tianjin", country="CN", department=IZ,
        project="top-dutch", themes=(ENERGY, HEALTHY_AGEING, SMART_CITY), visibility=PARTNERS,
        status=TENTATIVE, team=("team", "advisor"), people=("zhao", "hofstra"),
    ),
    ActivitySpec(
        "tianjin-foreign-affairs", OUTGOING,
        "Gesprek Foreign Affairs Office Tianjin", "Meeting with the Tianjin Foreign Affairs Office",
        "Afspraken over het samenwerkingsprogramma voor de komende twee jaar.",
        "Agreements on the cooperation programme for the next two years.",
        after=("china-mission", 1), at=(14, 0), hours=2, timezone="Asia/Shanghai",
        location="Foreign Affairs Office", city="Tianjin", country="CN", organiser="tianjin",
        status=TENTATIVE, team=("team",), people=("zhao",),
    ),
    ActivitySpec(
        "bremen-oldenburg-mission", OUTGOING,
        "Missie naar Bremen en Oldenburg", "Mission to Bremen and Oldenburg",
        "Uitwerking van de talentcorridor met stad en universiteit Oldenburg en verkenning in "
        "Bremen.",
        "Working out the talent corridor with the city and university of Oldenburg, and "
        "scouting in Bremen.",
        on=(2, 23), weekday=TUESDAY, days=2, location="Rathaus Bremen en Oldenburg",
        city="Bremen", country="DE", department=IZ, project="talent-corridor",
        visibility=PARTNERS, team=("team", "advisor"), people=("schroeder", "becker"),
    ),
    ActivitySpec(
        "hwk-visit", OUTGOING,
        "Werkbezoek Hanse-Wissenschaftskolleg", "Working visit to the Hanse-Wissenschaftskolleg",
        "Verkenning van fellowships voor Groningse onderzoekers in energie en gezondheid.",
        "Exploring fellowships for Groningen researchers in energy and health.",
        in_days=-45, at=(10, 0), hours=5, location="Hanse-Wissenschaftskolleg",
        city="Delmenhorst", country="DE", organiser="rug", themes=(ENERGY, HEALTHY_AGEING),
        visibility=PARTNERS, team=("advisor",), people=("becker", "visser"),
    ),
    # Lobby meetings in Brussels and at home.
    ActivitySpec(
        "cohesion-policy-lobby", LOBBY,
        "Lobbygesprek cohesiebeleid met DG REGIO", "Cohesion policy lobby meeting with DG REGIO",
        "Inbreng van Groningen voor het toekomstige Europese cohesiebeleid voor steden.",
        "Groningen's input for the future European cohesion policy for cities.",
        in_days=9, at=(11, 0), hours=1.5, location="Europese Commissie, DG REGIO",
        city="Brussel", country="BE", department=IZ, themes=(SMART_CITY,),
        team=("team",), people=("popescu", "claes"),
    ),
    ActivitySpec(
        "northern-lobby-agenda", LOBBY,
        "Overleg Noord-Nederlandse lobbyagenda", "Northern Netherlands lobby agenda meeting",
        "Afstemming van de EU-lobbyprioriteiten met provincies en SNN.",
        "Aligning EU lobby priorities with the provinces and SNN.",
        on=(1, 19), at=(10, 0), hours=3, location="Huis van de Nederlandse Provincies",
        city="Brussel", country="BE", organiser="hnp", people=("claes",),
    ),
    ActivitySpec(
        "hydrogen-valley-lobby", LOBBY,
        "Lobby: Noord-Nederland als waterstofvallei", "Lobby: the northern Netherlands as a "
        "hydrogen valley",
        "Gesprekken met Europarlementariërs over steun voor de waterstofregio.",
        "Talks with MEPs about support for the hydrogen region.",
        on=(3, 2), at=(14, 0), hours=2, location="Europees Parlement", city="Brussel",
        country="BE", department=IZ, project="hydrogen-region", themes=(ENERGY,),
        status=TENTATIVE, team=("advisor",), people=("claes", "wiersma"),
    ),
    ActivitySpec(
        "healthy-ageing-breakfast", LOBBY,
        "Lobbyontbijt Healthy Ageing", "Healthy Ageing lobby breakfast",
        "Geannuleerd: het plenaire schema van het Parlement is gewijzigd; een nieuwe datum "
        "volgt.",
        "Cancelled: Parliament's plenary schedule changed; a new date will follow.",
        in_days=40, at=(8, 0), hours=1.5, location="Europees Parlement", city="Brussel",
        country="BE", department=IZ, project="healthy-ageing-labs", themes=(HEALTHY_AGEING,),
        status=CANCELLED, team=("advisor",), people=("vandenberg", "claes"),
    ),
    ActivitySpec(
        "healthy-ageing-network-lobby", LOBBY,
        "Overleg Europees netwerk Healthy Ageing", "European Healthy Ageing network meeting",
        "Positionering van Groningen als voorbeeldregio voor gezond ouder worden.",
        "Positioning Groningen as a reference region for healthy ageing.",
        on=(9, 15), at=(10, 0), hours=2, location="Huis van de Nederlandse Provincies",
        city="Brussel", country="BE", organiser="hnp", themes=(HEALTHY_AGEING,),
        team=("advisor",), people=("claes", "vandenberg"),
    ),
    ActivitySpec(
        "province-interreg", LOBBY,
        "Afstemming Interreg-inzet met de provincie", "Aligning Interreg priorities with the "
        "province",
        "Gezamenlijke lijn voor nieuwe Interreg-aanvragen met Duitse partners.",
        "A joint line for new Interreg applications with German partners.",
        in_days=-12, at=(13, 0), hours=1, location="Provinciehuis", organiser="provincie",
        themes=(ENERGY,), team=("advisor",),
    ),
    # Social-media campaigns.
    ActivitySpec(
        "top-dutch-talent", SOCIAL,
        "Top Dutch: campagne 'Talent for Top Dutch'", "Top Dutch: 'Talent for Top Dutch' "
        "campaign",
        "Vier weken online campagne gericht op internationaal talent in Duitsland en Europa.",
        "Four-week online campaign aimed at international talent in Germany and Europe.",
        in_days=-60, days=28, location=ONLINE, city="", country="", organiser="marketing",
        project="top-dutch", themes=(DIGITAL,), visibility=PUBLIC, people=("postma",),
    ),
    ActivitySpec(
        "top-dutch-why-groningen", SOCIAL,
        "Top Dutch: video's 'Why Groningen'", "Top Dutch: 'Why Groningen' videos",
        "Internationals vertellen in korte video's waarom ze voor Groningen kozen.",
        "Internationals explain in short videos why they chose Groningen.",
        on=(2, 1), days=21, location=ONLINE, city="", country="", organiser="marketing",
        project="top-dutch", visibility=PUBLIC, status=TENTATIVE, people=("postma",),
    ),
    ActivitySpec(
        "digital-city-instagram", SOCIAL,
        "Instagram-takeover Groningen Digital City", "Groningen Digital City Instagram takeover",
        "Een week lang laten start-ups hun werkdag zien op het account van Digital City.",
        "For a week, start-ups show their working day on the Digital City account.",
        in_days=35, days=7, location=ONLINE, city="", country="", organiser="marketing",
        project="digital-city", themes=(DIGITAL,), visibility=PARTNERS, status=TENTATIVE,
        people=("postma", "elamrani"),
    ),
    ActivitySpec(
        "healthy-ageing-linkedin", SOCIAL,
        "LinkedIn-campagne Healthy Ageing Groningen", "Healthy Ageing Groningen LinkedIn campaign",
        "Onderzoekers en bedrijven tonen Groningse innovaties voor gezond ouder worden.",
        "Researchers and companies showcase Groningen innovations for healthy ageing.",
        on=(4, 5), days=14, location=ONLINE, city="", country="", organiser="umcg",
        project="healthy-ageing-labs", themes=(HEALTHY_AGEING,), visibility=PUBLIC,
        people=("vandenberg",),
    ),
    ActivitySpec(
        "study-in-groningen-china", SOCIAL,
        "Campagne 'Study in Groningen' in China", "'Study in Groningen' campaign in China",
        "Geannuleerd: de campagne gaat op in het programma van de missie naar China.",
        "Cancelled: the campaign is folded into the programme of the mission to China.",
        on=(3, 29), days=14, timezone="Asia/Shanghai", location=ONLINE, city="",
        country="CN", organiser="rug", project="top-dutch", visibility=PUBLIC,
        status=CANCELLED, people=("visser",),
    ),
    ActivitySpec(
        "ewrc-social", SOCIAL,
        "#EURegionsWeek: Groningen in Brussel", "#EURegionsWeek: Groningen in Brussels",
        "Berichten voor, tijdens en na de European Week of Regions and Cities.",
        "Posts before, during and after the European Week of Regions and Cities.",
        after=("ewrc", -7), days=14, location=ONLINE, city="", country="", department=IZ,
        themes=(SMART_CITY,), visibility=PUBLIC,
    ),
    # Receptions.
    ActivitySpec(
        "new-year-internationals", RECEPTION,
        "Nieuwjaarsreceptie voor internationals", "New Year's reception for internationals",
        "De burgemeester heet internationale inwoners welkom in het nieuwe jaar.",
        "The mayor welcomes the city's international residents to the new year.",
        on=(1, 14), at=(17, 0), hours=2, location="Stadhuis, Burgerzaal", organiser="iwcn",
        project="iwcn-support", visibility=PUBLIC, team=("team", "admin"), people=("kuipers",),
    ),
    ActivitySpec(
        "researchers-welcome", RECEPTION,
        "Welkomstreceptie nieuwe internationale onderzoekers",
        "Welcome reception for new international researchers",
        "Start van het academisch jaar voor internationale promovendi en onderzoekers.",
        "Start of the academic year for international PhD students and researchers.",
        on=(9, 10), at=(16, 0), hours=2, location="Academiegebouw", organiser="rug",
        project="iwcn-support", visibility=PARTNERS, people=("visser", "kuipers"),
    ),
    ActivitySpec(
        "ewrc-reception", RECEPTION,
        "Netwerkborrel Noord-Nederland in Brussel", "Northern Netherlands networking drinks in "
        "Brussels",
        "Borrel voor Brusselse contacten tijdens de European Week of Regions and Cities.",
        "Drinks for Brussels contacts during the European Week of Regions and Cities.",
        after=("ewrc", 1), at=(18, 30), hours=2, location="Huis van de Nederlandse Provincies",
        city="Brussel", country="BE", organiser="hnp", visibility=PARTNERS,
        team=("team", "advisor"), people=("claes", "popescu"),
    ),
    ActivitySpec(
        "partners-year-end", RECEPTION,
        "Eindejaarsbijeenkomst partners internationale zaken",
        "Year-end gathering of international affairs partners",
        "Terugblik op het jaar met alle partners van de internationale kalender.",
        "Looking back on the year with all partners of the international calendar.",
        on=(12, 17), at=(16, 30), hours=2.5, location="Stadhuis, Burgerzaal", department=IZ,
        visibility=PARTNERS, team=("team", "advisor", "admin"),
        people=("visser", "vandenberg", "jansen", "kuipers", "postma"),
    ),
    ActivitySpec(
        "dual-career-reception", RECEPTION,
        "Receptie dual career-netwerk", "Dual career network reception",
        "Partners van internationals ontmoeten werkgevers uit de regio.",
        "Partners of internationals meet employers from the region.",
        on=(6, 23), at=(17, 0), hours=2, location="International Welcome Center North",
        organiser="iwcn", project="dual-career", visibility=PUBLIC, status=TENTATIVE,
        people=("kuipers",),
    ),
    # Webinars.
    ActivitySpec(
        "living-working-webinar", WEBINAR,
        "Webinar: wonen en werken in Groningen", "Webinar: living and working in Groningen",
        "Praktische informatie voor internationals die naar Groningen verhuizen.",
        "Practical information for internationals moving to Groningen.",
        in_days=5, at=(12, 0), hours=1, location=ONLINE, organiser="iwcn",
        project="iwcn-support", visibility=PUBLIC, people=("kuipers",),
    ),
    ActivitySpec(
        "dual-career-webinar", WEBINAR,
        "Webinar dual career-programma", "Dual career programme webinar",
        "Uitleg over het programma voor partners van internationale kenniswerkers.",
        "An introduction to the programme for partners of international knowledge workers.",
        on=(3, 17), at=(12, 0), hours=1, location=ONLINE, organiser="hanze",
        project="dual-career", visibility=PUBLIC, people=("jansen",),
    ),
    ActivitySpec(
        "interreg-webinar", WEBINAR,
        "Webinar Interreg: kansen voor kennisinstellingen",
        "Interreg webinar: opportunities for knowledge institutions",
        "Het SNN-kantoor licht de nieuwe oproepen voor grensoverschrijdende projecten toe.",
        "The SNN office explains the new calls for cross-border projects.",
        in_days=-25, at=(10, 0), hours=1.5, location=ONLINE, city="Brussel", country="BE",
        organiser="hnp", themes=(ENERGY, SMART_CITY), visibility=PARTNERS,
        people=("claes",),
    ),
    ActivitySpec(
        "digital-city-webinar", WEBINAR,
        "Webinar Groningen Digital City voor start-ups",
        "Groningen Digital City webinar for start-ups",
        "Hoe start-ups de Digital City-campagne kunnen gebruiken om internationaal op te vallen.",
        "How start-ups can use the Digital City campaign to stand out internationally.",
        on=(5, 26), at=(16, 0), hours=1, location=ONLINE, organiser="marketing",
        project="digital-city", themes=(DIGITAL,), visibility=PUBLIC, status=TENTATIVE,
        people=("postma",),
    ),
    ActivitySpec(
        "healthy-ageing-webinar", WEBINAR,
        "Webinar: gezond ouder worden in de stad", "Webinar: healthy ageing in the city",
        "Resultaten uit de living labs voor gemeenten en zorgorganisaties.",
        "Results from the living labs for municipalities and care organisations.",
        on=(6, 9), at=(19, 0), hours=1, location=ONLINE, organiser="umcg",
        project="healthy-ageing-labs", themes=(HEALTHY_AGEING,), visibility=PUBLIC,
        status=TENTATIVE, people=("vandenberg",),
    ),
    ActivitySpec(
        "hannover-preparation-webinar", WEBINAR,
        "Webinar voorbereiding Hannover Messe", "Hannover Messe preparation webinar",
        "Voor Groninger bedrijven die meegaan naar de gezamenlijke stand.",
        "For Groningen companies joining the shared stand.",
        on=(3, 30), at=(10, 0), hours=1, location=ONLINE, organiser="nec",
        project="hydrogen-region", themes=(ENERGY,), visibility=PARTNERS, team=("advisor",),
        people=("wiersma",),
    ),
    # Other.
    ActivitySpec(
        "indicator-report", OTHER,
        "Kwartaalrapportage indicatoren kennisstad", "Quarterly report on the knowledge-city "
        "indicators",
        "Bijwerken van de tellingen van samenwerkings- en profileringsprojecten.",
        "Updating the counts of collaboration and profiling projects.",
        in_days=34, at=(13, 0), hours=2, location=CITY_HALL, department=IZ, status=TENTATIVE,
        team=("team", "advisor"),
    ),
    ActivitySpec(
        "council-briefing", OTHER,
        "Raadsinformatiebijeenkomst internationalisering",
        "Council information session on internationalisation",
        "De gemeenteraad wordt bijgepraat over profilering, samenwerking en welkomstbeleid.",
        "The city council is briefed on profiling, collaboration and the welcome policy.",
        in_days=20, at=(19, 30), hours=2, location="Stadhuis, raadzaal", department=IZ,
        visibility=PUBLIC, team=("team", "admin"),
    ),
    ActivitySpec(
        "energy-summer-school", OTHER,
        "Internationale zomerschool energietransitie",
        "International summer school on the energy transition",
        "Studenten uit Nederland en Duitsland werken een week aan Groningse energievraagstukken.",
        "Students from the Netherlands and Germany spend a week on Groningen energy challenges.",
        on=(7, 5), weekday=MONDAY, days=5, location=ZERNIKE, organiser="hanze",
        themes=(ENERGY,), visibility=PUBLIC, status=TENTATIVE, people=("jansen", "becker"),
    ),
    ActivitySpec(
        "summer-review", OTHER,
        "Zomerevaluatie internationale kalender", "Summer review of the international calendar",
        "Terugblik op het eerste halfjaar en bijstellen van de planning voor het najaar.",
        "Review of the first half year and adjusting the plans for the autumn.",
        on=(7, 22), at=(10, 0), hours=2, location=CITY_HALL, department=IZ,
        team=("team", "advisor"),
    ),
    ActivitySpec(
        "international-students-welcome", RECEPTION,
        "Welkom internationale studenten in de KEI-week",
        "Welcoming international students during the KEI week",
        "De burgemeester heet nieuwe internationale studenten welkom op de Grote Markt.",
        "The mayor welcomes new international students on the Grote Markt.",
        on=(8, 17), at=(15, 0), hours=2, location="Grote Markt", organiser="rug",
        project="iwcn-support", visibility=PUBLIC, status=TENTATIVE, team=("team", "admin"),
        people=("visser", "kuipers"),
    ),
    ActivitySpec(
        "study-in-groningen-webinar", WEBINAR,
        "Webinar 'Studeren in Groningen' voor Duitse scholieren",
        "'Study in Groningen' webinar for German pupils",
        "Kennisinstellingen en gemeente presenteren studeren en wonen in Groningen, in het "
        "Duits.",
        "The knowledge institutions and the municipality present studying and living in "
        "Groningen, in German.",
        on=(8, 27), at=(16, 0), hours=1, location=ONLINE, organiser="hanze",
        project="top-dutch", visibility=PUBLIC, people=("jansen",),
    ),
    ActivitySpec(
        "calendar-planning", OTHER,
        "Jaarplanning internationale kalender", "Annual planning of the international calendar",
        "Team en partners zetten de internationale activiteiten van komend jaar op een rij.",
        "The team and partners line up next year's international activities.",
        on=(12, 8), at=(9, 30), hours=3, location=CITY_HALL, department=IZ,
        team=("team", "advisor", "admin"), people=("visser", "kuipers"),
    ),
)


# --- policy areas -----------------------------------------------------------------------------

POLICY_AREAS = (
    ("2", "Economie en werkgelegenheid", "Economy and employment"),
    ("2.1", "Versterken economische structuur", "Strengthening the economic structure"),
    (
        "2.1.4",
        "(Inter)nationaal Promoten van onze kennissectoren",
        "Promoting our knowledge sectors (inter)nationally",
    ),
)


# fmt: on


# --- loading ----------------------------------------------------------------------------------


def _seed_rows(migration: str, name: str) -> list[tuple[str, str, str]]:
    """Themes and categories come from data migrations; tests run without migrations, so the
    loader creates missing ones from the same lists."""
    return getattr(importlib.import_module(migration), name)


class _Loader:
    def __init__(self, stdout=None):
        self.stdout = stdout
        self.now = timezone.now()
        self.today = timezone.localdate(self.now)
        self.created: Counter = Counter()
        self.existing: Counter = Counter()
        self.themes: dict[str, Theme] = {}
        self.categories: dict[str, ProjectCategory] = {}
        self.users: dict[str, User] = {}
        self.organisations: dict[str, Organisation] = {}
        self.people: dict[str, Person] = {}
        self.projects: dict[str, Project] = {}
        self.activity_days: dict[str, datetime.date] = {}

    def log(self, message: str) -> None:
        if self.stdout is not None:
            self.stdout.write(message)

    def tally(self, kind: str, created: bool) -> None:
        (self.created if created else self.existing)[kind] += 1

    def run(self) -> dict:
        steps = (
            ("themes and project categories", self.load_reference_data),
            ("team and reader accounts", lambda: self.load_users(with_organisation=False)),
            ("organisations", self.load_organisations),
            ("partner accounts", lambda: self.load_users(with_organisation=True)),
            ("people", self.load_people),
            ("interactions", self.load_interactions),
            ("projects", self.load_projects),
            ("activities", self.load_activities),
            ("delegations", self.load_delegations),
            ("policy areas", self.load_policy_areas),
            ("indicators", self.load_indicators),
        )
        for label, step in steps:
            self.log(f"Loading {label}...")
            step()
        DemoDataset.objects.get_or_create(scenario=SCENARIO)[0].save()
        kinds = sorted(set(self.created) | set(self.existing))
        return {
            "scenario": SCENARIO,
            "created": {kind: self.created[kind] for kind in kinds},
            "existing": {kind: self.existing[kind] for kind in kinds},
            "logins": [
                {"role": role, "username": username, "password": password}
                for role, username, password in LOGINS
            ],
        }

    def load_reference_data(self) -> None:
        for slug, name_nl, name_en in _seed_rows(
            "kennisstad.core.migrations.0002_seed_themes", "THEMES"
        ):
            theme = Theme.objects.filter(slug=slug).first()
            if theme is None:
                theme = Theme(slug=slug, name_nl=name_nl, name_en=name_en)
                save_record(instance=theme, user=None)
            self.themes[slug] = theme
        for code, name_nl, name_en in _seed_rows(
            "kennisstad.projects.migrations.0002_seed_categories", "CATEGORIES"
        ):
            category = ProjectCategory.objects.filter(code=code).first()
            if category is None:
                category = ProjectCategory(code=code, name_nl=name_nl, name_en=name_en)
                save_record(instance=category, user=None)
            self.categories[code] = category

    def load_users(self, *, with_organisation: bool) -> None:
        for spec in USERS:
            if (spec.organisation is not None) != with_organisation:
                continue
            user = User.objects.filter(username=spec.username).first()
            created = user is None
            if created:
                user = User(
                    username=spec.username,
                    first_name=spec.first_name,
                    last_name=spec.last_name,
                    email=f"{spec.username}@kennisstad.example",
                    role=spec.role,
                    is_staff=spec.superuser,
                    is_superuser=spec.superuser,
                    organisation=self.organisations[spec.organisation]
                    if spec.organisation
                    else None,
                )
                user.set_password(spec.password)
                user.full_clean()
                user.save()
            self.users[spec.username] = user
            self.tally("users", created)

    def load_organisations(self) -> None:
        for key, spec in ORGANISATIONS.items():
            organisation = Organisation.objects.filter(name=spec.name).first()
            created = organisation is None
            if created:
                organisation = Organisation(
                    name=spec.name,
                    abbreviation=spec.abbreviation,
                    kind=spec.kind,
                    country=spec.country,
                    city=spec.city,
                    website=spec.website,
                    description_nl=spec.description_nl,
                    description_en=spec.description_en,
                    relationship_owner=self.users[spec.owner],
                )
                tags = [Tag.objects.get_or_create(name=name)[0] for name in spec.tags]
                save_organisation(organisation=organisation, user=None, tags=tags)
            self.organisations[key] = organisation
            self.tally("organisations", created)

    def load_people(self) -> None:
        for key, spec in PEOPLE.items():
            person = Person.objects.filter(email=spec.email).first()
            created = person is None
            if created:
                person = Person(
                    first_name=spec.first_name,
                    last_name=spec.last_name,
                    job_title=spec.job_title,
                    email=spec.email,
                    preferred_language=spec.preferred_language,
                    lawful_basis=spec.lawful_basis,
                    retain_until=datetime.date(self.today.year + spec.retain_years, 12, 31),
                )
                save_person(
                    person=person,
                    user=None,
                    organisations=[self.organisations[name] for name in spec.organisations],
                )
            self.people[key] = person
            self.tally("people", created)

    def load_interactions(self) -> None:
        for spec in INTERACTIONS:
            created = not Interaction.objects.filter(subject=spec.subject).exists()
            if created:
                happened_on = self.today - datetime.timedelta(days=spec.days_ago)
                follow_up_on = (
                    None
                    if spec.follow_up_in_days is None
                    else self.today + datetime.timedelta(days=spec.follow_up_in_days)
                )
                interaction = Interaction(
                    happened_on=happened_on,
                    kind=spec.kind,
                    subject=spec.subject,
                    notes=spec.notes,
                    follow_up_on=follow_up_on,
                    owner=self.users[spec.owner],
                )
                save_interaction(
                    interaction=interaction,
                    user=None,
                    organisations=[self.organisations[key] for key in spec.organisations],
                    people=[self.people[key] for key in spec.people],
                )
            self.tally("interactions", created)

    def load_projects(self) -> None:
        for key, spec in PROJECTS.items():
            project = Project.objects.filter(title_nl=spec.title_nl).first()
            created = project is None
            if created:
                start, end = spec.start, spec.end
                if spec.years_ahead is not None:
                    year = self.today.year + spec.years_ahead
                    start = start and start.replace(year=year)
                    end = end and end.replace(year=year)
                project = Project(
                    title_nl=spec.title_nl,
                    title_en=spec.title_en,
                    description_nl=spec.description_nl,
                    description_en=spec.description_en,
                    category=self.categories[spec.category],
                    status=spec.status,
                    start_date=start,
                    end_date=end,
                    countries=list(spec.countries),
                    lead_organisation=self.organisations[spec.lead] if spec.lead else None,
                    owner=self.users[spec.owner],
                    budget=Decimal(spec.budget) if spec.budget is not None else None,
                    outcome_nl=spec.outcome_nl,
                    outcome_en=spec.outcome_en,
                    is_public=spec.is_public,
                )
                save_project(
                    project=project,
                    user=None,
                    themes=[self.themes[slug] for slug in spec.themes],
                    partners=[(self.organisations[org], role) for org, role in spec.partners],
                )
            self.projects[key] = project
            self.tally("projects", created)

    def first_day(self, spec: ActivitySpec) -> datetime.date:
        if spec.after is not None:
            other, offset = spec.after
            return self.activity_days[other] + datetime.timedelta(days=offset)
        if spec.on is not None:
            window_start = self.today - datetime.timedelta(days=WINDOW_DAYS_BACK)
            month, day = spec.on
            date = datetime.date(window_start.year, month, day)
            if date < window_start:
                date = date.replace(year=window_start.year + 1)
        else:
            date = self.today + datetime.timedelta(days=spec.in_days or 0)
        if spec.weekday is not None:
            return date + datetime.timedelta(days=(spec.weekday - date.weekday()) % 7)
        if date.weekday() >= 5:
            return date + datetime.timedelta(days=7 - date.weekday())
        return date

    def load_activities(self) -> None:
        for spec in ACTIVITIES:
            zone = ZoneInfo(spec.timezone)
            first_day = self.first_day(spec)
            self.activity_days[spec.slug] = first_day
            uid = UID_TEMPLATE.format(slug=spec.slug)
            created = not Activity.objects.filter(uid=uid).exists()
            if created:
                if spec.at is None:
                    starts_at = datetime.datetime.combine(first_day, datetime.time(0), zone)
                    ends_at = datetime.datetime.combine(
                        first_day + datetime.timedelta(days=spec.days), datetime.time(0), zone
                    )
                else:
                    starts_at = datetime.datetime.combine(first_day, datetime.time(*spec.at), zone)
                    ends_at = starts_at + datetime.timedelta(hours=spec.hours)
                status = spec.status  # an anchored date may already lie in the past
                if status == ActivityStatus.TENTATIVE and ends_at <= self.now:
                    status = ActivityStatus.CONFIRMED
                activity = Activity(
                    uid=uid,
                    title_nl=spec.title_nl,
                    title_en=spec.title_en,
                    description_nl=spec.description_nl,
                    description_en=spec.description_en,
                    kind=spec.kind,
                    starts_at=starts_at,
                    ends_at=ends_at,
                    all_day=spec.at is None,
                    timezone=spec.timezone,
                    rrule=spec.rrule,
                    location=spec.location,
                    city=spec.city,
                    country=spec.country,
                    organiser_organisation=self.organisations[spec.organiser]
                    if spec.organiser
                    else None,
                    organiser_department=spec.department,
                    project=self.projects[spec.project] if spec.project else None,
                    visibility=spec.visibility,
                    status=status,
                )
                save_activity(
                    activity=activity,
                    user=None,
                    team_participants=[self.users[name] for name in spec.team],
                    people=[self.people[key] for key in spec.people],
                    themes=[self.themes[slug] for slug in spec.themes],
                )
            self.tally("activities", created)

    def load_delegations(self) -> None:
        from kennisstad.delegations.demo import load_demo_delegations

        load_demo_delegations(self)

    def load_policy_areas(self) -> None:
        parent = None
        for code, title_nl, title_en in POLICY_AREAS:
            area = PolicyArea.objects.filter(code=code).first()
            created = area is None
            if created:
                area = PolicyArea(code=code, title_nl=title_nl, title_en=title_en, parent=parent)
                save_record(instance=area, user=None)
            parent = area
            self.tally("policy areas", created)

    def load_indicators(self) -> None:
        """The chapter's two indicators, computed from the registry (counted from 2016)."""
        policy_field = PolicyArea.objects.get(code=POLICY_AREAS[-1][0])
        for order, (name_nl, name_en, category) in enumerate(DEMO_INDICATORS):
            indicator = Indicator.objects.filter(policy_area=policy_field, name_nl=name_nl).first()
            created = indicator is None
            if created:
                indicator = Indicator(
                    code=f"2-1-4-{category}",
                    name_nl=name_nl,
                    name_en=name_en,
                    policy_area=policy_field,
                    method=Method.COMPUTED,
                    rule={"subject": "projects", "period": "active", "category": category},
                    measured_from=2016,
                    order=order,
                )
                save_indicator(indicator=indicator, user=None)
            self.tally("indicators", created)
        # Count them once, so the indicator pages start with figures (2015 up to this year).
        if not Realisation.objects.filter(indicator__policy_area=policy_field).exists():
            compute_all(years=range(2015, self.today.year + 1), measured_on=self.today)


DEMO_INDICATORS = [
    (
        "Aantal samenwerkingsprojecten op gebied van Kennis/innovatie",
        "Number of knowledge and innovation collaboration projects",
        ProjectCategory.COLLABORATION,
    ),
    (
        "Aantal profileringsprojecten Groningen kennisstad",
        "Number of projects profiling Groningen as a city of knowledge",
        ProjectCategory.PROFILING,
    ),
]


def load_demo(*, stdout=None) -> dict:
    """Load the Groningen demo scenario; safe to run again. Returns what was created and
    what was already there (per record type) and the demo logins."""
    with transaction.atomic():
        summary = _Loader(stdout).run()
    cache.delete(DEMO_CACHE_KEY)
    return summary
