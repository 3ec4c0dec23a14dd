"""A running project without an end date counts up to today and never in a year that has not
begun; once it is completed, it counts up to its completion only."""

import datetime

import pytest
from django.utils import timezone

from kennisstad.indicators import rules
from kennisstad.indicators.services import compute_indicator
from kennisstad.indicators.tests.factories import ComputedIndicatorFactory
from kennisstad.projects.services import save_project
from kennisstad.projects.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db
D = datetime.date
RULE = rules.parse_rule({"subject": "projects", "period": "active"})


def on(monkeypatch, day: datetime.date) -> None:
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))
    monkeypatch.setattr(timezone, "now", lambda: moment)


def test_an_open_ended_project_counts_up_to_this_year_only(monkeypatch):
    on(monkeypatch, D(2019, 6, 15))
    project = ProjectFactory(status="active", start_date=D(2018, 3, 1), end_date=None)
    years = [2017, 2018, 2019, 2020, 2021]
    assert rules.count_per_year(RULE, years) == {2017: 0, 2018: 1, 2019: 1, 2020: 0, 2021: 0}
    assert rules.records_per_year(RULE, years)[2019] == [project.pk]
    computed = compute_indicator(indicator=ComputedIndicatorFactory(), years=years)
    assert [r.year for r in computed] == [2017, 2018, 2019]  # 2020 and 2021 have not happened


def test_a_project_planned_to_end_next_year_does_not_count_next_year(monkeypatch):
    on(monkeypatch, D(2019, 6, 15))
    ProjectFactory(status="active", start_date=D(2019, 1, 1), end_date=D(2020, 12, 31))
    assert rules.count_per_year(RULE, [2019, 2020]) == {2019: 1, 2020: 0}


def test_completing_it_stops_the_count(monkeypatch, team_member):
    on(monkeypatch, D(2018, 3, 1))
    project = ProjectFactory(status="active", start_date=D(2018, 3, 1), end_date=None)
    on(monkeypatch, D(2020, 2, 1))
    project.status = "completed"
    project.end_date = D(2019, 6, 30)
    save_project(project=project, user=team_member, expected_version=project.version)
    # Closed after its end date: the history dates the completion on the end date.
    assert rules.count_per_year(RULE, [2018, 2019, 2020]) == {2018: 1, 2019: 1, 2020: 0}
    ended = rules.parse_rule({"subject": "projects", "period": "ended"})
    assert rules.count_per_year(ended, [2019, 2020]) == {2019: 1, 2020: 0}
