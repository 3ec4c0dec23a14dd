"""events.json takes start and end only within the years an activity may have (FIRST_YEAR to
LAST_YEAR): a window in the year 2 answers 400 naming the parameter, not a 500 from the date
arithmetic that looks a year back from the start."""

import pytest
from django.urls import reverse

from kennisstad.agenda.models import FIRST_YEAR, LAST_YEAR

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("start", "end", "refused"),
    [
        ("0002-01-01T00:00:00Z", "0002-01-31T00:00:00Z", "start"),
        ("1899-12-01T00:00:00Z", "1899-12-31T00:00:00Z", "start"),
        ("2999-12-15T00:00:00Z", "3000-01-15T00:00:00Z", "end"),
        ("2026-12-01T00:00:00Z", "9998-12-31T00:00:00Z", "end"),
    ],
)
def test_a_window_outside_the_activities_years_is_a_400(
    client_for, team_member, start, end, refused
):
    answer = client_for(team_member).get(reverse("agenda:events"), {"start": start, "end": end})
    assert answer.status_code == 400
    error = answer.json()["error"]
    assert error.startswith(refused) and str(FIRST_YEAR) in error and str(LAST_YEAR) in error


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (f"{FIRST_YEAR}-01-01T00:00:00+14:00", f"{FIRST_YEAR}-02-01T00:00:00Z"),
        (f"{LAST_YEAR}-12-01T00:00:00-12:00", f"{LAST_YEAR}-12-31T23:59:59-12:00"),
    ],
)
def test_a_window_at_the_edges_of_those_years_answers(client_for, team_member, start, end):
    answer = client_for(team_member).get(reverse("agenda:events"), {"start": start, "end": end})
    assert answer.status_code == 200
