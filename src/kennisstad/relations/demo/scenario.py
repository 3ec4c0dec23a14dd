"""The relations part of the Groningen demo scenario: the partners programme 2.1.4 of begroting
2018 names, a few invented companies, their contact persons and recent interactions.

Companies and contact persons are invented; e-mail addresses use reserved example domains. Keys
(``"rug"``, ``"visser"``) are the scenario keys the other apps' demo tables use.
"""

from dataclasses import dataclass

from kennisstad.privacy.lawful_basis import LawfulBasis
from kennisstad.relations.models import InteractionKind, OrganisationKind

# The scenario tables below are kept compact by hand, one record per block.
# fmt: off


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
        "marieke.visser@rug.example.org", "nl", LawfulBasis.PUBLIC_TASK,
    ),
    "vandenberg": PersonSpec(
        "Thomas", "van den Berg", "Programmamanager Healthy Ageing", ("umcg",),
        "t.vandenberg@umcg.example.org", "nl", LawfulBasis.PUBLIC_TASK,
    ),
    "jansen": PersonSpec(
        "Lotte", "Jansen", "Coördinator internationale samenwerking", ("hanze",),
        "l.jansen@hanze.example.org", "nl", LawfulBasis.PUBLIC_TASK, 2,
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
        "h.wiersma@energy.example.org", "nl", LawfulBasis.PUBLIC_TASK,
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
        "m.becker@hwk.example.org", "de", LawfulBasis.PUBLIC_TASK,
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

# fmt: on
