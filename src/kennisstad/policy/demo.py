"""The demo's policy areas: programme 2 down to policy field 2.1.4, the chapter of begroting 2018
the scenario follows, named as Groningen prints them (deelprogramma 2.1 is "Groningen
Kennisstad"). ``workspace.demo`` loads them before the indicators that refer to them."""

from functools import partial

from kennisstad.core.demo import DemoLoad
from kennisstad.core.services import save_record

from .models import PolicyArea

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
