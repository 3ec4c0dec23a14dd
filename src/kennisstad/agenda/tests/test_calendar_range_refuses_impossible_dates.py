"""The calendar's ``events.json?start=&end=`` with a date that does not exist (month 13) or
at the edge of the calendar (year 1, 9999) answers 400 with its message, not a 500 from
Django's date parser or a date overflow."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("start", "end"),
    [
        ("2020-13-45T00:00:00", "2020-12-01T00:00:00"),
        ("2020-01-01T00:00:00", "2020-02-30T00:00:00"),
        ("2020-01-01T25:61:00", "2020-01-02T00:00:00"),
        ("9999-12-01T00:00:00", "9999-12-31T23:59:59"),
        ("0001-01-01T00:00:00", "0001-01-31T00:00:00"),
        ("2020-01-01T00:00:00+99:00", "2020-01-02T00:00:00"),
    ],
)
def test_an_impossible_range_is_a_400(client_for, team_member, start, end):
    answer = client_for(team_member).get(reverse("agenda:events"), {"start": start, "end": end})
    assert answer.status_code == 400
    assert "error" in answer.json()


def test_a_real_month_still_answers(client_for, team_member):
    answer = client_for(team_member).get(
        reverse("agenda:events"),
        {"start": "2026-12-01T00:00:00+01:00", "end": "2027-01-01T00:00:00+01:00"},
    )
    assert answer.status_code == 200
