"""The limits on expansion apply only to rules stored unchecked: a month view with many
ordinary weekly series shows every one of them, whatever the per-request cap and the
processor-time valve; rules stored unchecked are left out in the same order on every request,
and the response says when something was left out."""

import datetime

import pytest
from django.urls import reverse

from kennisstad.agenda import recurrence
from kennisstad.agenda.models import Activity
from kennisstad.agenda.recurrence import MAX_OCCURRENCES_PER_REQUEST
from kennisstad.agenda.tests.factories import AMSTERDAM, ActivityFactory

pytestmark = pytest.mark.django_db
# FullCalendar's month view: six weeks.
SIX_WEEKS = {"start": "2027-02-22T00:00:00+01:00", "end": "2027-04-05T00:00:00+02:00"}


def weekly_series(count: int) -> None:
    first = datetime.datetime(2027, 1, 4, 9, tzinfo=AMSTERDAM)
    for number in range(count):
        ActivityFactory(
            title_nl=f"Wekelijks {number}",
            rrule="FREQ=WEEKLY;BYDAY=MO",
            starts_at=first,
            ends_at=first + datetime.timedelta(hours=1),
        )


def test_many_weekly_series_all_show_in_a_month_view(client_for, team_member):
    series = MAX_OCCURRENCES_PER_REQUEST // 6 + 20  # more than the cap would fit
    weekly_series(series)
    response = client_for(team_member).get(reverse("agenda:events"), SIX_WEEKS)
    events = response.json()
    assert len(events) == 6 * series
    assert len({event["title"] for event in events}) == series
    assert "X-Kennisstad-Truncated" not in response


def test_the_processor_time_valve_spares_ordinary_series(monkeypatch, client_for, team_member):
    monkeypatch.setattr(recurrence, "MAX_EXPANSION_SECONDS", 0)
    weekly_series(3)
    events = client_for(team_member).get(reverse("agenda:events"), SIX_WEEKS).json()
    assert len(events) == 18


def test_unchecked_rules_are_left_out_in_a_fixed_order(monkeypatch, client_for, team_member):
    monkeypatch.setattr(recurrence, "MAX_OCCURRENCES_PER_REQUEST", 50)
    monkeypatch.setattr(recurrence, "MAX_EXPANSION_SECONDS", 60)
    first = datetime.datetime(2027, 3, 1, 9, tzinfo=AMSTERDAM)
    stored = []
    for number in range(5):
        activity = ActivityFactory(
            title_nl=f"Ongecontroleerd {number}",
            starts_at=first,
            ends_at=first + datetime.timedelta(hours=1),
        )
        stored.append(activity.pk)
    # Written past validation in reverse order, so the table's order is not the keys' order.
    for pk in reversed(stored):
        Activity.objects.filter(pk=pk).update(rrule="FREQ=MINUTELY", recurs_until=None)
    weekly_series(1)
    response = client_for(team_member).get(reverse("agenda:events"), SIX_WEEKS)
    shown = {event["id"] for event in response.json()}
    assert response["X-Kennisstad-Truncated"] == "1"
    assert len(shown & set(stored)) == 2 and set(stored[:2]) <= shown  # lowest keys first
    assert len([event for event in response.json() if event["id"] not in stored]) == 6
