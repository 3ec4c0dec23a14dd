"""Demo calendar: incoming and outgoing visits (one in China time) and lobby meetings in Brussels
and at home."""

from kennisstad.core.demo import DIGITAL, ENERGY, HEALTHY_AGEING, SMART_CITY

from .spec import (
    CANCELLED,
    CITY_HALL,
    INCOMING,
    IZ,
    LOBBY,
    MONDAY,
    OUTGOING,
    PARTNERS,
    RECEPTION,
    TENTATIVE,
    TUESDAY,
    ZERNIKE,
    ActivitySpec,
)

# fmt: off
VISITS = (
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
)
# fmt: on
