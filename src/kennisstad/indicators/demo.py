"""The demo's indicators: the two of chapter 2.1.4, computed from the project registry (counted
from 2016), two counted from the funding applications (the jaarverslag 2018's "12 running
European cooperation projects (H2020, Interreg), 9 more in development or applied for"), and
their figures from 2015 up to this year so the indicator pages start filled."""

from functools import partial

from kennisstad.core.demo import DemoLoad
from kennisstad.indicators.models import Indicator, Method, Realisation
from kennisstad.indicators.services import compute_all, compute_indicator, save_indicator
from kennisstad.projects.models import ProjectCategory

POLICY_FIELD = "2.1.4"  # loaded by the policy areas' part of the demo

# (name_nl, name_en, the project category counted)
INDICATORS = (
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
# (code, name_nl, name_en, the stages counted): applications to Horizon 2020 and Interreg.
EUROPEAN = ["horizon", "interreg"]
APPLICATION_INDICATORS = (
    (
        "2-1-4-eu-lopend",
        "Aantal lopende Europese samenwerkingsprojecten (H2020, Interreg)",
        "Number of running European cooperation projects (H2020, Interreg)",
        ["running"],
    ),
    (
        "2-1-4-eu-in-ontwikkeling",
        "Aantal Europese projecten in ontwikkeling of aangevraagd (H2020, Interreg)",
        "Number of European projects in development or applied for (H2020, Interreg)",
        ["idea", "in_preparation", "submitted"],
    ),
)
FIRST_YEAR = 2015


def load_indicators(demo: DemoLoad) -> None:
    policy_field = demo.refs["policy areas"][POLICY_FIELD]
    for order, (name_nl, name_en, category) in enumerate(INDICATORS):
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
        demo.ensure(
            "indicators",
            Indicator,
            {"policy_area": policy_field, "name_nl": name_nl},
            partial(save_indicator, indicator=indicator, user=None),
        )
    for order, (code, name_nl, name_en, stages) in enumerate(APPLICATION_INDICATORS, 10):
        indicator = Indicator(
            code=code,
            name_nl=name_nl,
            name_en=name_en,
            policy_area=policy_field,
            method=Method.COMPUTED,
            rule={"subject": "applications", "stages": stages, "programmes": EUROPEAN},
            measured_from=2016,
            order=order,
        )
        demo.ensure(
            "indicators",
            Indicator,
            {"policy_area": policy_field, "code": code},
            partial(save_indicator, indicator=indicator, user=None),
        )
    # Count them once, so the indicator pages start with figures (2015 up to this year); an
    # indicator added to a demo loaded earlier is counted then.
    years = range(FIRST_YEAR, demo.today.year + 1)
    if not Realisation.objects.filter(indicator__policy_area=policy_field).exists():
        compute_all(years=years, measured_on=demo.today)
    else:
        for indicator in Indicator.objects.filter(
            policy_area=policy_field, method=Method.COMPUTED, realisations__isnull=True
        ):
            compute_indicator(indicator=indicator, years=years, measured_on=demo.today)
