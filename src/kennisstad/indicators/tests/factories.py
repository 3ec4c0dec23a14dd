"""Test data for indicators: indicators in policy field 2.1.4, targets, realisations, and the
budget chapter's two computed indicators with projects that give the chapter's figures."""

import datetime
from collections.abc import Iterable
from decimal import Decimal

import factory

from kennisstad.indicators.models import Indicator, Method, Origin, Realisation, Target
from kennisstad.indicators.services import compute_all
from kennisstad.planning.models import PolicyArea  # PolicyArea is moving to kennisstad.policy
from kennisstad.projects.models import Project, ProjectCategory
from kennisstad.projects.tests.factories import ProjectFactory, category

# Programme 2 down to the policy field of the seed chapter, titled as begroting 2018 has them.
POLICY_AREAS = (
    ("2", "Economie en werkgelegenheid"),
    ("2.1", "Groningen Kennisstad"),
    ("2.1.4", "(Inter)nationaal Promoten van onze kennissectoren"),
)


def policy_field() -> PolicyArea:
    """Policy field 2.1.4 with its parents (created once)."""
    parent = None
    for code, title in POLICY_AREAS:
        parent = PolicyArea.objects.get_or_create(
            code=code, defaults={"title_nl": title, "parent": parent}
        )[0]
    return parent


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    code = factory.Sequence(lambda n: f"2-1-4-indicator-{n}")
    name_nl = factory.Sequence(lambda n: f"Aantal bezoeken {n}")
    name_en = factory.Sequence(lambda n: f"Number of visits {n}")
    policy_area = factory.LazyFunction(policy_field)


class ComputedIndicatorFactory(IndicatorFactory):
    """Counts the projects of ``category`` active in a year, from 2016."""

    class Params:
        category = ProjectCategory.COLLABORATION

    method = Method.COMPUTED
    rule = factory.LazyAttribute(
        lambda indicator: {
            "subject": "projects",
            "period": "active",
            "category": indicator.category,
        }
    )
    measured_from = 2016


class TargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Target

    indicator = factory.SubFactory(IndicatorFactory)
    year = 2018
    comparator = ">"
    value = Decimal("5")
    display_text = "> 5"


class RealisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Realisation

    indicator = factory.SubFactory(IndicatorFactory)
    year = 2016
    value = Decimal("2")
    origin = Origin.MANUAL
    measured_on = datetime.date(2017, 9, 1)


# The chapter's rows (as the seed text names them) and what they count.
CHAPTER_INDICATORS = (
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
)

# (start, end): 2 active in 2016, 3 in 2017, 6 in 2018, 3 in 2019 and none in 2015.
D = datetime.date
COUNTED_PERIODS = (
    (D(2016, 3, 1), D(2018, 12, 31)),
    (D(2016, 5, 1), None),
    (D(2017, 4, 1), D(2018, 6, 30)),
    (D(2018, 1, 15), D(2019, 12, 31)),
    (D(2018, 3, 1), D(2018, 12, 31)),
    (D(2018, 9, 1), D(2019, 8, 31)),
)


def counted_projects(code: str) -> list[Project]:
    """Projects of one category giving the chapter's figures, plus a cancelled and an undated
    idea that are never counted."""
    projects = [
        ProjectFactory(
            category=category(code),
            start_date=start,
            end_date=end,
            status="active" if end is None else "completed",
        )
        for start, end in COUNTED_PERIODS
    ]
    ProjectFactory(category=category(code), status="cancelled", start_date=D(2016, 2, 1))
    ProjectFactory(category=category(code), status="idea", start_date=None, end_date=None)
    return projects


def chapter_indicators(*, computed_years: Iterable[int] = ()) -> list[Indicator]:
    """The chapter's two indicators, each counting the projects of its category (created here:
    2 in 2016, 6 in 2018), with the values of ``computed_years`` computed today."""
    indicators = []
    for order, (name_nl, name_en, code) in enumerate(CHAPTER_INDICATORS):
        counted_projects(code)
        indicators.append(
            ComputedIndicatorFactory(
                code=f"2-1-4-{code}", name_nl=name_nl, name_en=name_en, category=code, order=order
            )
        )
    if computed_years:
        compute_all(years=computed_years)
    return indicators


def partner_indicator(organisation, **fields) -> Indicator:
    """An effect indicator the partner ``organisation`` delivers the figures of itself (like
    the IWCN's visitor numbers), measured from 2016."""
    fields = {"kind": "effect", "measured_from": 2016, "owner_organisation": organisation, **fields}
    return IndicatorFactory(**fields)


def delivered_value(indicator, user, **fields):
    """A value ``user`` (a partner editor of the owning organisation) submits, through the
    service: 12.500 visitors in 2017, counted on 15 January 2018."""
    from kennisstad.indicators.delivery_services import submit_value

    fields = {
        "year": 2017,
        "value": Decimal("12500"),
        "measured_on": datetime.date(2018, 1, 15),
        "source": "Bezoekersregistratie IWCN",
        **fields,
    }
    return submit_value(indicator=indicator, user=user, **fields)
