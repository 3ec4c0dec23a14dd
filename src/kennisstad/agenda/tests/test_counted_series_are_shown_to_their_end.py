"""A counted series (COUNT=) whose end is stored is shown in every month up to that end, not
only in the first two years after its start (as a series stored without its end is)."""

import datetime

import pytest
from django.urls import reverse

from kennisstad.agenda.tests.factories import AMSTERDAM, ActivityFactory

pytestmark = pytest.mark.django_db


def test_a_weekly_series_of_300_shows_in_its_fourth_year(client_for, team_member):
    activity = ActivityFactory(
        title_nl="Dinsdagoverleg",
        rrule="FREQ=WEEKLY;BYDAY=TU;COUNT=300",
        starts_at=datetime.datetime(2024, 1, 2, 9, tzinfo=AMSTERDAM),
        ends_at=datetime.datetime(2024, 1, 2, 10, tzinfo=AMSTERDAM),
    )
    assert activity.recurs_until.year == 2029
    events = (
        client_for(team_member)
        .get(
            reverse("agenda:events"),
            {"start": "2027-03-01T00:00:00+01:00", "end": "2027-04-01T00:00:00+02:00"},
        )
        .json()
    )
    assert [event["start"][:10] for event in events] == [
        "2027-03-02",
        "2027-03-09",
        "2027-03-16",
        "2027-03-23",
        "2027-03-30",
    ]
