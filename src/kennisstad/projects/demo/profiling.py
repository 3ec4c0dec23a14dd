"""Demo projects profiling Groningen as a city of knowledge (Top Dutch, Smart Users City, Digital
City), dated so the chapter's indicator counts 2 active in 2016, 3 in 2017, 6 in 2018 and 5 in
2019."""

from kennisstad.core.demo import DIGITAL, ENERGY, HEALTHY_AGEING, SMART_CITY
from kennisstad.projects.models import ProjectStatus

from .spec import ADVISOR, FUNDER, KNOWLEDGE, LEAD, PARTNER, PROFILING, D, ProjectSpec

# fmt: off
PROFILING_PROJECTS = {
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
}
# fmt: on
