"""A planned project does not raise Behaald, whatever its dates say: it counts only once its
status history says it runs, and only from the day it began."""

import datetime

import pytest
from django.utils import timezone

from kennisstad.indicators.services import compute_indicator
from kennisstad.indicators.tests.factories import ComputedIndicatorFactory
from kennisstad.projects.services import save_project
from kennisstad.projects.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db
D = datetime.date


def on(monkeypatch, day: datetime.date) -> None:
    """Make ``day`` today (noon, local time)."""
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))
    monkeypatch.setattr(timezone, "now", lambda: moment)


def behaald(indicator, years):
    return {
        r.year: (int(r.value), r.counted["ids"])
        for r in compute_indicator(indicator=indicator, years=years)
    }


def test_a_planned_project_dated_in_the_past_is_not_counted(monkeypatch):
    on(monkeypatch, D(2019, 6, 1))
    indicator = ComputedIndicatorFactory()
    planned = ProjectFactory(status="planned", start_date=D(2018, 1, 1), end_date=D(2018, 12, 31))
    running = ProjectFactory(status="active", start_date=D(2018, 3, 1), end_date=None)
    assert behaald(indicator, [2018, 2019]) == {
        2018: (1, [running.pk]),
        2019: (1, [running.pk]),
    }
    assert list(planned.status_changes.values_list("status", flat=True)) == ["planned"]


def test_a_planned_project_counts_from_the_day_it_is_set_running(monkeypatch, team_member):
    on(monkeypatch, D(2018, 11, 1))
    indicator = ComputedIndicatorFactory()
    project = ProjectFactory(status="planned", start_date=D(2019, 3, 1), end_date=None)
    assert behaald(indicator, [2018]) == {2018: (0, [])}
    on(monkeypatch, D(2019, 3, 4))
    project.status = "active"
    save_project(project=project, user=team_member, expected_version=project.version)
    # It began on its start date (set running after it), not in 2018 when it was planned.
    assert behaald(indicator, [2018, 2019]) == {2018: (0, []), 2019: (1, [project.pk])}
