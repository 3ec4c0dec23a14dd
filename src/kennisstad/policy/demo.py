"""The demo's policy areas: programme 2 down to policy field 2.1.4, the chapter of begroting 2018
the scenario follows, named as Groningen prints them (deelprogramma 2.1 is "Groningen
Kennisstad"). ``workspace.demo`` loads them before the indicators that refer to them."""

import datetime
from functools import partial

from kennisstad.core.demo import DemoLoad
from kennisstad.core.services import save_record

from .models import Deadline, DocumentKind, PolicyArea
from .services import save_deadline

# (code, title_nl, title_en), each the parent of the next.
POLICY_AREAS = (
    ("2", "Economie en werkgelegenheid", "Economy and employment"),
    ("2.1", "Groningen Kennisstad", "Groningen City of Knowledge"),
    (
        "2.1.4",
        "(Inter)nationaal Promoten van onze kennissectoren",
        "Promoting our knowledge sectors (inter)nationally",
    ),
)
POLICY_FIELD = POLICY_AREAS[-1][0]


def load_policy_areas(demo: DemoLoad) -> None:
    parent = None
    for code, title_nl, title_en in POLICY_AREAS:
        area = PolicyArea(code=code, title_nl=title_nl, title_en=title_en, parent=parent)
        parent = demo.ensure(
            "policy areas",
            PolicyArea,
            {"code": code},
            partial(save_record, instance=area, user=None),
        )
        demo.refs["policy areas"][code] = parent


# The P&C calendar of the scenario's documents: (kind, year, number, due on, days of notice,
# description). Begroting 2018 was published in November 2017, so the input for begroting 2019
# is due the June before; the jaarverslag 2018 (published May 2019) needs its figures in
# February; the two bestuursrapportages of 2018 in April and September.
DEADLINES = (
    (
        DocumentKind.BESTUURSRAPPORTAGE,
        2018,
        1,
        datetime.date(2018, 4, 16),
        14,
        "Prognoses voor de eerste bestuursrapportage 2018",
        "Forecasts for the first interim report 2018",
    ),
    (
        DocumentKind.BEGROTING,
        2019,
        1,
        datetime.date(2018, 6, 1),
        21,
        "Aanlevering indicatoren begroting 2019",
        "Indicator input for the 2019 budget",
    ),
    (
        DocumentKind.BESTUURSRAPPORTAGE,
        2018,
        2,
        datetime.date(2018, 9, 17),
        14,
        "Prognoses voor de tweede bestuursrapportage 2018",
        "Forecasts for the second interim report 2018",
    ),
    (
        DocumentKind.JAARSTUKKEN,
        2018,
        1,
        datetime.date(2019, 2, 15),
        21,
        "Aanlevering realisaties jaarverslag 2018",
        "Achieved figures for the 2018 annual report",
    ),
)


def load_deadlines(demo: DemoLoad) -> None:
    """The scenario's deadlines, and two computed from today (next year's begroting due in ten
    days, last year's jaarstukken five days ago) so the dashboard always has some to show."""
    today = demo.today
    relative = (
        (
            DocumentKind.BEGROTING,
            today.year + 1,
            1,
            today + datetime.timedelta(days=10),
            21,
            f"Aanlevering indicatoren begroting {today.year + 1}",
            f"Indicator input for the {today.year + 1} budget",
        ),
        (
            DocumentKind.JAARSTUKKEN,
            today.year - 1,
            1,
            today - datetime.timedelta(days=5),
            21,
            f"Aanlevering realisaties jaarverslag {today.year - 1}",
            f"Achieved figures for the {today.year - 1} annual report",
        ),
    )
    for kind, year, sequence, due_on, notice, text_nl, text_en in DEADLINES + relative:
        deadline = Deadline(
            document_kind=kind,
            year=year,
            sequence=sequence,
            due_on=due_on,
            remind_days_before=notice,
            description_nl=text_nl,
            description_en=text_en,
        )
        demo.ensure(
            "deadlines",
            Deadline,
            {"document_kind": kind, "year": year, "sequence": sequence},
            partial(save_deadline, deadline=deadline, user=None),
        )
