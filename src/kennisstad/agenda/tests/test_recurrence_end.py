"""A recurring activity stores when its last occurrence ends, so the month view asks the
database only for the rules still running; rules without an end always stay in view."""

import datetime
import zoneinfo

import pytest
from django.urls import reverse

from kennisstad.agenda.models import Activity
from kennisstad.agenda.tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db
AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")


def weekly(title, rrule, year=2020):
    return ActivityFactory(
        title_nl=title,
        starts_at=datetime.datetime(year, 1, 6, 9, tzinfo=AMSTERDAM),
        ends_at=datetime.datetime(year, 1, 6, 11, tzinfo=AMSTERDAM),
        rrule=rrule,
    )


def test_the_end_of_the_last_occurrence_is_stored():
    counted = weekly("Geteld", "FREQ=WEEKLY;COUNT=3")
    until = weekly("Tot", "FREQ=WEEKLY;UNTIL=20200301T000000Z")
    endless = weekly("Eindeloos", "FREQ=MONTHLY")
    single = ActivityFactory(rrule="")
    assert counted.recurs_until == datetime.datetime(2020, 1, 20, 11, tzinfo=AMSTERDAM)
    assert until.recurs_until == datetime.datetime(2020, 2, 24, 11, tzinfo=AMSTERDAM)
    assert endless.recurs_until is None and single.recurs_until is None


def test_the_stored_end_follows_a_changed_rule():
    activity = weekly("Overleg", "FREQ=WEEKLY;COUNT=3")
    activity.rrule = "FREQ=WEEKLY;COUNT=5"
    activity.full_clean()
    activity.save()
    stored = Activity.objects.get(pk=activity.pk).recurs_until
    assert stored == datetime.datetime(2020, 2, 3, 11, tzinfo=AMSTERDAM)


def test_the_month_view_skips_ended_rules_and_keeps_endless_ones(client_for, team_member):
    weekly("Afgelopen reeks", "FREQ=WEEKLY;COUNT=3")
    weekly("Maandelijks overleg", "FREQ=MONTHLY")
    events = (
        client_for(team_member)
        .get(
            reverse("agenda:events"),
            {"start": "2027-01-01T00:00:00+01:00", "end": "2027-02-01T00:00:00+01:00"},
        )
        .json()
    )
    assert [(event["title"], event["start"][:10]) for event in events] == [
        ("Maandelijks overleg", "2027-01-06")
    ]


def test_a_series_that_ended_long_ago_is_not_even_expanded(monkeypatch, team_member):
    """The point of the stored end: a month view's cost does not grow with the history."""
    import dateutil.rrule

    from kennisstad.agenda.selectors import occurrences_between

    weekly("Afgelopen reeks", "FREQ=WEEKLY;COUNT=3")
    weekly("Maandelijks overleg", "FREQ=MONTHLY")
    expanded = []
    original = dateutil.rrule.rrulestr

    def counting(rule, **kwargs):
        expanded.append(rule)
        return original(rule, **kwargs)

    monkeypatch.setattr(dateutil.rrule, "rrulestr", counting)
    occurrences_between(
        user=team_member,
        start=datetime.datetime(2027, 1, 1, tzinfo=AMSTERDAM),
        end=datetime.datetime(2027, 2, 1, tzinfo=AMSTERDAM),
    )
    assert expanded == ["FREQ=MONTHLY"]
