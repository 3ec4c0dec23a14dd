"""Demo projects of Welcome Policy 2.0: the IWCN, bilingual services, housing and social life
for internationals."""

from kennisstad.projects.models import ProjectStatus

from .spec import ADVISOR, FUNDER, LEAD, PARTNER, WELCOME, D, ProjectSpec

# fmt: off
WELCOME_PROJECTS = {
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
# fmt: on
