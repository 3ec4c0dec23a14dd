"""Counting projects by their status history is one query for all years, however many projects
and changes there are (no query per project)."""

import datetime

import pytest

from kennisstad.indicators import rules
from kennisstad.projects.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.mark.parametrize("period", ["active", "started", "ended"])
def test_all_years_in_one_query(django_assert_num_queries, period):
    for n in range(12):
        ProjectFactory(
            status="completed" if n % 2 else "active",
            start_date=D(2015 + n % 4, 3, 1),
            end_date=D(2020, 6, 30) if n % 2 else None,
        )
    rule = rules.parse_rule({"subject": "projects", "period": period, "themes": []})
    with django_assert_num_queries(1):
        counted = rules.records_per_year(rule, list(range(2014, 2024)))
    assert any(counted.values())
