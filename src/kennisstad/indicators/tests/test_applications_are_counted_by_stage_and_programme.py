"""The ``applications`` subject: funding applications counted by the stages they were in at
some moment of the year (their stage history, not the current stage) and by programme; the
number and its drill-down agree; a wrong stage or programme, or a field that does not apply, is
refused naming the field, by the rule, the indicator form and the API."""

import datetime

import pytest
from django.utils import translation

from kennisstad.funding.models import Programme, Stage
from kennisstad.funding.tests.factories import ApplicationFactory
from kennisstad.indicators import rules
from kennisstad.indicators.forms import IndicatorForm
from kennisstad.indicators.services import compute_indicator

from .factories import ComputedIndicatorFactory, policy_field

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture(autouse=True)
def english():
    """The rule's words and refusals are read in English, whatever the catalogue holds."""
    with translation.override("en"):
        yield


RUNNING = {"subject": "applications", "stages": ["running"], "programmes": ["horizon"]}


@pytest.fixture
def applications():
    return {
        "ran 2017-2019": ApplicationFactory(
            programme=Programme.HORIZON,
            stage_history=[
                (Stage.SUBMITTED, D(2016, 3, 1)),
                (Stage.GRANTED, D(2016, 11, 1)),
                (Stage.RUNNING, D(2017, 1, 1)),
                (Stage.CLOSED, D(2019, 6, 30)),
            ],
        ),
        "submitted 2018": ApplicationFactory(
            programme=Programme.HORIZON, stage_history=[(Stage.SUBMITTED, D(2018, 2, 1))]
        ),
        "interreg running": ApplicationFactory(
            stage_history=[
                (Stage.SUBMITTED, D(2016, 3, 1)),
                (Stage.GRANTED, D(2016, 11, 1)),
                (Stage.RUNNING, D(2017, 1, 1)),
            ],
        ),
    }


def test_running_counts_by_the_history_and_the_programme(applications):
    indicator = ComputedIndicatorFactory(rule=RUNNING)
    realisations = {
        r.year: r for r in compute_indicator(indicator=indicator, years=range(2016, 2021))
    }
    assert {year: r.value for year, r in realisations.items()} == {
        2016: 0,
        2017: 1,
        2018: 1,
        2019: 1,
        2020: 0,
    }
    assert realisations[2018].counted == {
        "model": "funding.application",
        "ids": [applications["ran 2017-2019"].pk],
    }


def test_count_and_drill_down_agree_for_every_stage(applications):
    years = list(range(2015, 2021))
    for stage in Stage.values:
        rule = rules.parse_rule({"subject": "applications", "stages": [stage]})
        ids = rules.records_per_year(rule, years)
        assert rules.count_per_year(rule, years) == {year: len(ids[year]) for year in years}
    rule = rules.parse_rule({"subject": "applications", "stages": ["idea", "submitted"]})
    assert rules.records_per_year(rule, [2018])[2018] == [applications["submitted 2018"].pk]
    assert "at some moment of the year" in rules.describe(rule)


@pytest.mark.parametrize(
    ("rule", "field"),
    [
        ({"subject": "applications", "stages": ["won"]}, "stages"),
        ({"subject": "applications", "stages": []}, "stages"),
        (
            {"subject": "applications", "stages": ["running"], "programmes": ["erasmus"]},
            "programmes",
        ),
        ({"subject": "applications", "stages": ["running"], "themes": ["energie"]}, "themes"),
        ({"subject": "projects", "period": "active", "stages": ["running"]}, "stages"),
    ],
)
def test_wrong_values_are_refused_naming_the_field(rule, field):
    with pytest.raises(rules.RuleError, match=field):
        rules.parse_rule(rule)


def test_the_form_and_the_api_refuse_an_unknown_stage(team_member, api_client_for):
    form = IndicatorForm(
        data={
            "name_nl": "Lopend",
            "code": "eu-lopend",
            "policy_area": policy_field().pk,
            "kind": "output",
            "unit": "count",
            "decimals": 0,
            "frequency": "yearly",
            "method": "computed",
            "order": 0,
            "rule_subject": "applications",
            "rule_stages": [],
        }
    )
    assert not form.is_valid()
    assert "stages" in str(form.errors.get("rule_subject"))
    indicator = ComputedIndicatorFactory()
    response = api_client_for(team_member).patch(
        f"/api/v1/indicators/{indicator.pk}/",
        {"rule": {"subject": "applications", "stages": ["won"]}},
        format="json",
        HTTP_IF_MATCH=f'"{indicator.version}"',
    )
    assert response.status_code == 400
    assert "stages" in str(response.json())
