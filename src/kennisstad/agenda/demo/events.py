"""Demo calendar: the recurring team and partner meetings, trade fairs and conferences."""

from kennisstad.core.demo import DIGITAL, ENERGY, HEALTHY_AGEING, SMART_CITY

from .spec import (
    CANCELLED,
    CITY_HALL,
    CONFERENCE,
    EZ,
    IZ,
    MONDAY,
    OTHER,
    PARTNERS,
    PUBLIC,
    TENTATIVE,
    THURSDAY,
    TRADE_FAIR,
    TUESDAY,
    ZERNIKE,
    ActivitySpec,
)

# fmt: off
EVENTS = (
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
)
# fmt: on
