"""A project cancelled before it ran never counts, in no period and no year; one cancelled
after it ran counts in the years it ran."""

import datetime

import pytest
from django.utils import timezone

from kennisstad.indicators import rules
from kennisstad.projects.services import save_project
from kennisstad.projects.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db
D = datetime.date
YEARS = list(range(2015, 2021))


def on(monkeypatch, day: datetime.date) -> None:
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))
    monkeypatch.setattr(timezone, "now", lambda: moment)


def counted(period: str) -> dict[int, list[int]]:
    return rules.records_per_year(
        rules.parse_rule({"subject": "projects", "period": period}), YEARS
    )


def test_cancelled_before_it_started_never_counts(monkeypatch, team_member):
    on(monkeypatch, D(2016, 1, 10))
    project = ProjectFactory(status="planned", start_date=D(2016, 2, 1), end_date=D(2016, 10, 31))
    on(monkeypatch, D(2016, 4, 1))  # after its start date, but it never ran
    project.status = "cancelled"
    save_project(project=project, user=team_member, expected_version=project.version)
    on(monkeypatch, D(2020, 6, 1))
    ProjectFactory(status="cancelled", start_date=D(2017, 1, 1), end_date=D(2017, 12, 31))
    for period in ("active", "started", "ended"):
        assert counted(period) == {year: [] for year in YEARS}, period


def test_cancelled_after_it_ran_counts_in_the_years_it_ran(monkeypatch, team_member):
    on(monkeypatch, D(2016, 5, 1))
    project = ProjectFactory(status="active", start_date=D(2016, 5, 1), end_date=None)
    on(monkeypatch, D(2017, 8, 15))
    project.status = "cancelled"
    save_project(project=project, user=team_member, expected_version=project.version)
    on(monkeypatch, D(2020, 6, 1))
    active = counted("active")
    assert [year for year in YEARS if active[year]] == [2016, 2017]
    assert counted("started")[2016] == [project.pk]
    assert not any(counted("ended").values())  # "ended" counts completed projects
