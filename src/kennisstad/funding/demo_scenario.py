"""The demo's funding applications as data: see ``demo`` for what they show."""

import datetime
from dataclasses import dataclass

from .models import ObligationKind, OwnRole, PartnerRole, Programme, Stage

DEMO_YEAR = 2018
H2020, INTERREG, ERDF = Programme.HORIZON, Programme.INTERREG, Programme.ERDF
IDEA, PREP, SUB = Stage.IDEA, Stage.IN_PREPARATION, Stage.SUBMITTED
GRANTED, REJECTED, RUNNING, CLOSED = Stage.GRANTED, Stage.REJECTED, Stage.RUNNING, Stage.CLOSED
LEAD, PARTNER = PartnerRole.LEAD, PartnerRole.PARTNER
D = datetime.date


@dataclass(frozen=True)
class ApplicationSpec:
    title_nl: str
    title_en: str
    programme: str
    line: str
    total: int | None
    grant: int | None
    stages: tuple  # ((stage, date), ...); a date may be a number of days before today
    partners: tuple = ()  # ((organisation key, role), ...)
    own_role: str = OwnRole.PARTNER
    obligations: tuple = ()  # ((kind, due in days from today (< 0: past), done), ...)


def _ran(sub, granted, running, closed=None):
    rows = ((SUB, sub), (GRANTED, granted), (RUNNING, running))
    return (*rows, (CLOSED, closed)) if closed else rows


CONSORTIUM = (("rug", LEAD), ("hanze", PARTNER))
CROSS_BORDER = (("oldenburg", LEAD), ("uni-oldenburg", PARTNER), ("bremen", PARTNER))
RUNNING_2018 = (
    (
        "Positieve-energiewijken Groningen",
        "Positive energy districts Groningen",
        H2020,
        "H2020 Smart Cities and Communities",
        4800000,
        4800000,
        _ran(D(2016, 4, 5), D(2016, 11, 1), D(2016, 12, 1), D(2021, 11, 30)),
        CONSORTIUM,
    ),
    (
        "Healthy Ageing living lab",
        "Healthy Ageing living lab",
        H2020,
        "H2020 SC1",
        2100000,
        2100000,
        _ran(D(2016, 2, 16), D(2016, 8, 1), D(2016, 9, 1), D(2020, 8, 31)),
        (("umcg", LEAD), ("rug", PARTNER)),
    ),
    (
        "Open stedelijk dataplatform",
        "Open urban data platform",
        H2020,
        "H2020 ICT",
        1500000,
        1500000,
        _ran(D(2017, 3, 14), D(2017, 9, 1), D(2017, 10, 1), D(2020, 9, 30)),
        (("noorderwind", LEAD), ("rug", PARTNER)),
    ),
    (
        "Waterstofvallei Noord-Nederland voorstudie",
        "Northern Netherlands hydrogen valley study",
        H2020,
        "H2020 FCH JU",
        900000,
        900000,
        _ran(D(2017, 1, 24), D(2017, 6, 15), D(2017, 7, 1), D(2019, 6, 30)),
        (("nec", LEAD), ("zernike-hydrogen", PARTNER)),
    ),
    (
        "Slimme gebruikers in de stad",
        "Smart users in the city",
        H2020,
        "H2020 SC6",
        1200000,
        1200000,
        _ran(D(2015, 9, 1), D(2016, 2, 1), D(2016, 3, 1), D(2019, 2, 28)),
        CONSORTIUM,
    ),
    (
        "Grensoverschrijdend energieleren",
        "Cross-border energy learning",
        INTERREG,
        "Interreg V A Deutschland-Nederland",
        1800000,
        900000,
        _ran(D(2016, 3, 1), D(2016, 7, 1), D(2016, 9, 1), D(2019, 12, 31)),
        CROSS_BORDER,
    ),
    (
        "Kennisregio Eems-Dollard",
        "Ems-Dollart knowledge region",
        INTERREG,
        "Interreg V A Deutschland-Nederland",
        1200000,
        600000,
        _ran(D(2016, 10, 3), D(2017, 2, 1), D(2017, 3, 1), D(2020, 2, 29)),
        CROSS_BORDER,
    ),
    (
        "Noordzee slimme havensteden",
        "North Sea smart port cities",
        INTERREG,
        "Interreg North Sea Region",
        2400000,
        1200000,
        _ran(D(2016, 6, 1), D(2016, 12, 1), D(2017, 1, 1), D(2020, 6, 30)),
        CONSORTIUM,
    ),
    (
        "Startups over de grens",
        "Startups across the border",
        INTERREG,
        "Interreg V A Deutschland-Nederland",
        700000,
        350000,
        _ran(D(2017, 1, 9), D(2017, 5, 1), D(2017, 6, 1), D(2019, 5, 31)),
        CROSS_BORDER,
    ),
    (
        "Kenniswerkers welkom",
        "Welcoming knowledge workers",
        INTERREG,
        "Interreg Europe",
        1100000,
        935000,
        _ran(D(2016, 5, 13), D(2016, 11, 1), D(2017, 1, 1), D(2020, 12, 31)),
        (("bremen", LEAD), ("hanze", PARTNER)),
    ),
    (
        "Circulaire stadsregio's",
        "Circular city regions",
        INTERREG,
        "Interreg North-West Europe",
        1600000,
        960000,
        _ran(D(2016, 11, 15), D(2017, 3, 1), D(2017, 4, 1), D(2021, 3, 31)),
        CONSORTIUM,
    ),
    (
        "Waterstof in de Noordzeeregio",
        "Hydrogen in the North Sea Region",
        INTERREG,
        "Interreg North Sea Region",
        2000000,
        1000000,
        _ran(D(2017, 2, 28), D(2017, 7, 1), D(2017, 9, 1), D(2021, 8, 31)),
        (("nec", LEAD), ("zernike-hydrogen", PARTNER)),
    ),
)
IN_DEVELOPMENT_2018 = (
    (
        "Slimme straatverlichting als sensornetwerk",
        "Smart street lighting as a sensor network",
        H2020,
        "H2020 Smart Cities and Communities",
        3000000,
        3000000,
        (
            (IDEA, D(2018, 2, 1)),
            (PREP, D(2018, 5, 1)),
            (SUB, D(2018, 9, 12)),
            (GRANTED, D(2019, 3, 1)),
            (RUNNING, D(2019, 5, 1)),
            (CLOSED, D(2022, 4, 30)),
        ),
        CONSORTIUM,
    ),
    (
        "Gezond ouder worden in de wijk",
        "Healthy ageing in the neighbourhood",
        H2020,
        "H2020 SC1",
        1800000,
        1800000,
        ((PREP, D(2017, 11, 1)), (SUB, D(2018, 2, 15)), (REJECTED, D(2018, 7, 2))),
        (("umcg", LEAD), ("hanze", PARTNER)),
    ),
    (
        "Stadsdata voor klimaatadaptatie",
        "City data for climate adaptation",
        H2020,
        "H2020 SC5",
        None,
        None,
        ((IDEA, D(2018, 10, 1)), (CLOSED, D(2019, 6, 1))),
    ),
    (
        "Energieopslag in de wijk",
        "Neighbourhood energy storage",
        H2020,
        "H2020 LC-SC3",
        2500000,
        2500000,
        (
            (SUB, D(2018, 4, 20)),
            (GRANTED, D(2018, 12, 20)),
            (RUNNING, D(2019, 1, 15)),
            (CLOSED, D(2021, 12, 31)),
        ),
        (("nec", LEAD), ("rug", PARTNER)),
    ),
    (
        "Talent voor de Noordzeeregio",
        "Talent for the North Sea Region",
        INTERREG,
        "Interreg North Sea Region",
        1400000,
        700000,
        (
            (PREP, D(2018, 1, 15)),
            (SUB, D(2018, 6, 29)),
            (GRANTED, D(2019, 1, 10)),
            (RUNNING, D(2019, 3, 1)),
            (CLOSED, D(2022, 2, 28)),
        ),
        CONSORTIUM,
    ),
    (
        "Grensoverschrijdende zorginnovatie",
        "Cross-border care innovation",
        INTERREG,
        "Interreg V A Deutschland-Nederland",
        900000,
        450000,
        (
            (IDEA, D(2018, 3, 1)),
            (PREP, D(2018, 9, 1)),
            (SUB, D(2019, 2, 1)),
            (REJECTED, D(2019, 6, 1)),
        ),
        CROSS_BORDER,
    ),
    (
        "Digitale stad Europa",
        "Digital city Europe",
        INTERREG,
        "Interreg Europe",
        1000000,
        850000,
        ((SUB, D(2018, 6, 22)), (REJECTED, D(2018, 12, 14))),
        (("bremen", LEAD), ("rug", PARTNER)),
    ),
    (
        "Mobiliteitshubs Noordwest-Europa",
        "Mobility hubs North-West Europe",
        INTERREG,
        "Interreg North-West Europe",
        2200000,
        1320000,
        (
            (IDEA, D(2018, 5, 1)),
            (PREP, D(2018, 11, 1)),
            (SUB, D(2019, 1, 17)),
            (GRANTED, D(2019, 6, 1)),
            (RUNNING, D(2019, 9, 1)),
            (CLOSED, D(2023, 6, 30)),
        ),
        CONSORTIUM,
    ),
    (
        "Kennisinstellingen als ankers",
        "Knowledge institutions as anchors",
        INTERREG,
        "Interreg V A Deutschland-Nederland",
        None,
        None,
        ((IDEA, D(2018, 11, 20)),),
        CROSS_BORDER,
    ),
)
# Not counted in 2018: another programme, other years, and the present.
OTHERS = (
    (
        "Binnenstad energieneutraal (EFRO)",
        "Energy-neutral city centre (ERDF)",
        ERDF,
        "EFRO Noord-Nederland",
        800000,
        400000,
        _ran(D(2016, 9, 1), D(2017, 1, 15), D(2017, 3, 1), D(2019, 12, 31)),
        (("provincie", LEAD), ("hanze", PARTNER)),
    ),
    (
        "Kennisstad Europa 2015",
        "City of knowledge Europe 2015",
        INTERREG,
        "Interreg IVB",
        600000,
        300000,
        _ran(D(2014, 3, 1), D(2014, 9, 1), D(2015, 1, 1), D(2017, 6, 30)),
        CONSORTIUM,
    ),
    (
        "Waterstofwijken Noord-Nederland",
        "Hydrogen neighbourhoods Northern Netherlands",
        H2020,
        "Horizon Europe Cluster 5",
        5000000,
        4000000,
        ((SUB, 420), (GRANTED, 300), (RUNNING, 240)),
        (("nec", LEAD), ("rug", PARTNER)),
        OwnRole.PARTNER,
        ((ObligationKind.INTERIM, -10, False), (ObligationKind.AUDIT, 60, False)),
    ),
    (
        "Noordzee-talentpact",
        "North Sea talent pact",
        INTERREG,
        "Interreg North Sea 2021-2027",
        1500000,
        750000,
        ((PREP, 90), (SUB, 20)),
        CONSORTIUM,
        OwnRole.LEAD,
    ),
    (
        "Transitie Eemsdelta",
        "Ems delta transition",
        Programme.JTF,
        "JTF Groningen",
        None,
        None,
        ((IDEA, 30),),
        (),
    ),
)
