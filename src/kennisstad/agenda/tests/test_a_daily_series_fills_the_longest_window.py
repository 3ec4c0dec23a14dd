"""A daily series fills events.json's longest window (62 days and 23 hours, across the start
of summer time): the dates one series may give follow the window's length."""

import datetime

import pytest
from django.urls import reverse

from kennisstad.agenda.tests.factories import AMSTERDAM, ActivityFactory

pytestmark = pytest.mark.django_db


def test_every_day_of_a_63_day_window_is_shown(client_for, team_member):
    first = datetime.datetime(2027, 1, 4, 9, tzinfo=AMSTERDAM)
    ActivityFactory(
        title_nl="Dagelijks",
        rrule="FREQ=DAILY",
        starts_at=first,
        ends_at=first + datetime.timedelta(hours=1),
    )
    window = {"start": "2027-03-01T00:00:00+01:00", "end": "2027-05-02T23:00:00+02:00"}
    response = client_for(team_member).get(reverse("agenda:events"), window)
    days = [event["start"][:10] for event in response.json()]
    assert len(days) == 63 and days[0] == "2027-03-01" and days[-1] == "2027-05-02"
    assert "X-Kennisstad-Truncated" not in response
