"""The demo's indicator owners: the two counted indicators of chapter 2.1.4 belong to a team
member, an IWCN indicator (when the scenario has one) to the IWCN itself, and one indicator
the team enters by hand, a survey among internationals, belongs to another team member. Being
entered by hand, its figures can be missing, so the P&C calendar and the dashboard show what a
deadline waits for (the counted ones never miss: the registry computes them). Owners are set
only where none is, so a second load, or an owner changed since, stays as it is."""

import datetime
from decimal import Decimal
from functools import partial

from kennisstad.core.demo import DemoLoad

from .models import Indicator, IndicatorKind, Method, Realisation, Unit
from .services import save_indicator, save_realisation

POLICY_FIELD = "2.1.4"
SURVEY = {
    "code": "2-1-4-tevredenheid-internationals",
    "name_nl": "Waardering van internationals voor Groningen als woon- en werkstad (rapportcijfer)",
    "name_en": "How internationals rate Groningen as a place to live and work (score out of 10)",
    "kind": IndicatorKind.EFFECT,
    "source": "Enquête internationals, gemeente Groningen (Onderzoek en Statistiek)",
    "unit": Unit.SCORE,
    "decimals": 1,
    "measured_from": 2016,
    "order": 10,
}
# (year, score, peildatum): what the survey gave so far; later years are still to come.
SURVEY_RESULTS = (
    (2016, Decimal("7.4"), datetime.date(2017, 2, 1)),
    (2017, Decimal("7.6"), datetime.date(2018, 2, 1)),
)


def load_indicator_owners(demo: DemoLoad) -> None:
    users = demo.refs["users"]
    survey = Indicator(
        policy_area=demo.refs["policy areas"][POLICY_FIELD],
        method=Method.MANUAL,
        owner=users["advisor"],
        **SURVEY,
    )
    survey = demo.ensure(
        "indicators",
        Indicator,
        {"code": SURVEY["code"]},
        partial(save_indicator, indicator=survey, user=None),
    )
    if not survey.realisations.exists():
        for year, value, measured_on in SURVEY_RESULTS:
            save_realisation(
                realisation=Realisation(
                    indicator=survey, year=year, value=value, measured_on=measured_on
                ),
                user=None,
            )
    iwcn = demo.refs["organisations"].get("iwcn")
    unowned = Indicator.objects.filter(owner__isnull=True, owner_organisation__isnull=True)
    for indicator in unowned.order_by("pk"):
        if iwcn is not None and "iwcn" in f"{indicator.code} {indicator.name_nl}".lower():
            indicator.owner_organisation = iwcn
        else:
            indicator.owner = users["team"]
        save_indicator(indicator=indicator, user=None, expected_version=indicator.version)
