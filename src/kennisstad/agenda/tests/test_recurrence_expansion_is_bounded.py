"""A rule stored without the checks (a row from before them, or written by raw SQL) cannot make
a view slow: events.json answers with at most a capped number of occurrences per series and per
request, a rule that never matches stops searching at the end of the window's year, and an
endless rule is expanded from the period before the window, not from its first date."""

import datetime
import zoneinfo

import dateutil.rrule
import pytest
from django.urls import reverse

from kennisstad.agenda import recurrence
from kennisstad.agenda.models import Activity
from kennisstad.agenda.recurrence import (
    MAX_OCCURRENCES_PER_REQUEST,
    MAX_OCCURRENCES_PER_SERIES,
    last_occurrence_end,
    occurrences,
    series_limit,
)
from kennisstad.agenda.tests.factories import ActivityFactory
from kennisstad.agenda.tests.test_recurrence_rules_refused import BAD_RULES

pytestmark = pytest.mark.django_db
AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
MONTH = {"start": "2027-03-01T00:00:00+01:00", "end": "2027-04-01T00:00:00+02:00"}


def stored_without_checks(rule: str, *, starts_at: datetime.datetime, title: str = "Reeks"):
    """A series whose rule is written past validation, as a raw UPDATE would."""
    activity = ActivityFactory(
        title_nl=title, starts_at=starts_at, ends_at=starts_at + datetime.timedelta(hours=1)
    )
    Activity.objects.filter(pk=activity.pk).update(rrule=rule, recurs_until=None)
    return activity


def test_stored_ruinous_rules_give_a_capped_answer(client_for, team_member):
    a_week_back = datetime.datetime(2027, 2, 22, 9, tzinfo=AMSTERDAM)
    for number, rule in enumerate(BAD_RULES):
        stored_without_checks(rule, starts_at=a_week_back, title=f"Reeks {number}")
    stored_without_checks(
        "FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=30;COUNT=1",
        starts_at=datetime.datetime(1990, 1, 1, tzinfo=AMSTERDAM),
    )
    ActivityFactory(
        title_nl="Gewoon",
        starts_at=datetime.datetime(2027, 3, 10, 9, tzinfo=AMSTERDAM),
        ends_at=datetime.datetime(2027, 3, 10, 10, tzinfo=AMSTERDAM),
    )
    response = client_for(team_member).get(reverse("agenda:events"), MONTH)
    assert response.status_code == 200
    events = response.json()
    per_series: dict[str, int] = {}
    for event in events:
        per_series[event["title"]] = per_series.get(event["title"], 0) + 1
    assert per_series.pop("Gewoon") == 1
    assert per_series and max(per_series.values()) <= MAX_OCCURRENCES_PER_SERIES


def test_all_series_of_one_request_together_are_capped(monkeypatch, client_for, team_member):
    monkeypatch.setattr(recurrence, "MAX_EXPANSION_SECONDS", 60)  # the count is tested here
    per_series = series_limit(
        datetime.datetime.fromisoformat(MONTH["start"]),
        datetime.datetime.fromisoformat(MONTH["end"]),
    )
    series = MAX_OCCURRENCES_PER_REQUEST // per_series + 5
    for number in range(series):
        stored_without_checks(
            "FREQ=SECONDLY",
            starts_at=datetime.datetime(2027, 2, 1, tzinfo=AMSTERDAM),
            title=f"Elke seconde {number}",
        )
    response = client_for(team_member).get(reverse("agenda:events"), MONTH)
    events = response.json()
    assert response["X-Kennisstad-Truncated"] == "1"
    assert MAX_OCCURRENCES_PER_REQUEST - 2 * series <= len(events) <= MAX_OCCURRENCES_PER_REQUEST
    assert len({event["title"] for event in events}) < series


def test_ordinary_series_are_expanded_before_the_caps_are_used_up(client_for, team_member):
    for number in range(MAX_OCCURRENCES_PER_REQUEST // MAX_OCCURRENCES_PER_SERIES + 2):
        stored_without_checks(
            "FREQ=SECONDLY",
            starts_at=datetime.datetime(2020, 1, 1, tzinfo=AMSTERDAM),
            title=f"Elke seconde {number}",
        )
    ActivityFactory(
        title_nl="Weekoverleg",
        rrule="FREQ=WEEKLY;BYDAY=WE",
        starts_at=datetime.datetime(2027, 3, 3, 9, tzinfo=AMSTERDAM),
        ends_at=datetime.datetime(2027, 3, 3, 10, tzinfo=AMSTERDAM),
    )
    events = client_for(team_member).get(reverse("agenda:events"), MONTH).json()
    weekly = [event["start"][:10] for event in events if event["title"] == "Weekoverleg"]
    assert weekly == ["2027-03-03", "2027-03-10", "2027-03-17", "2027-03-24", "2027-03-31"]


def test_expansion_stops_when_the_requests_processor_time_is_spent(
    monkeypatch, client_for, team_member
):
    monkeypatch.setattr(recurrence, "MAX_EXPANSION_SECONDS", 0)
    stored_without_checks(
        "FREQ=MINUTELY", starts_at=datetime.datetime(2027, 2, 1, tzinfo=AMSTERDAM)
    )
    ActivityFactory(
        title_nl="Gewoon",
        starts_at=datetime.datetime(2027, 3, 10, 9, tzinfo=AMSTERDAM),
        ends_at=datetime.datetime(2027, 3, 10, 10, tzinfo=AMSTERDAM),
    )
    response = client_for(team_member).get(reverse("agenda:events"), MONTH)
    assert [event["title"] for event in response.json()] == ["Gewoon"]
    assert response["X-Kennisstad-Truncated"] == "1"


def test_a_rule_that_never_matches_stops_at_the_end_of_the_windows_year():
    # dateutil alone searches to the year 9999 for this rule; the bounded search relies on
    # the library still ending its loop on datetime.MAXYEAR.
    assert "MAXYEAR" in dateutil.rrule.rrule._iter.__code__.co_names
    start = datetime.datetime(2000, 1, 3, 9, tzinfo=AMSTERDAM)
    dates = occurrences(
        "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30",
        starts_at=start,
        zone=AMSTERDAM,
        window_start=datetime.datetime(2027, 3, 1, tzinfo=AMSTERDAM),
        window_end=datetime.datetime(2027, 4, 1, tzinfo=AMSTERDAM),
    )
    assert dates == []
    never = last_occurrence_end(
        rrule="FREQ=SECONDLY;COUNT=1;BYMONTH=2;BYMONTHDAY=30",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=1),
        zone=AMSTERDAM,
    )
    assert never == start + datetime.timedelta(hours=1)  # no date: the series ends at once


def test_a_rule_that_cannot_be_expanded_shows_on_its_first_date_only(client_for, team_member):
    stored_without_checks(
        "FREQ=WEEKLY;INTERVAL=0", starts_at=datetime.datetime(2027, 3, 3, 9, tzinfo=AMSTERDAM)
    )
    events = client_for(team_member).get(reverse("agenda:events"), MONTH).json()
    assert [event["start"][:10] for event in events] == ["2027-03-03"]


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=DAILY",
        "FREQ=DAILY;INTERVAL=3;BYDAY=MO,WE,FR",
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH",
        "FREQ=WEEKLY;INTERVAL=3;WKST=SU",
        "FREQ=MONTHLY",
        "FREQ=MONTHLY;INTERVAL=5;BYDAY=-1FR",
        "FREQ=MONTHLY;BYMONTHDAY=31",
        "FREQ=MONTHLY;INTERVAL=2;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
        "FREQ=YEARLY",
        "FREQ=YEARLY;INTERVAL=3;BYMONTH=3;BYDAY=2SA",
        "FREQ=YEARLY;BYWEEKNO=11;BYDAY=MO",
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29",
        "FREQ=WEEKLY;UNTIL=20270320T000000Z",
        "FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20300101T000000Z",
        "FREQ=HOURLY;INTERVAL=7",
        # Counted series, read as ending on their stored end as events.json reads them.
        "FREQ=WEEKLY;BYDAY=TU;COUNT=300",
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;COUNT=1000",
        "FREQ=DAILY;INTERVAL=5;COUNT=1000",
        "FREQ=MONTHLY;BYDAY=-1FR;COUNT=250",
        "FREQ=MONTHLY;BYMONTHDAY=31;COUNT=200",
        "FREQ=MONTHLY;INTERVAL=2;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=120",
        "FREQ=YEARLY;COUNT=40",
        "FREQ=YEARLY;INTERVAL=3;BYMONTH=3;BYDAY=2SA;COUNT=10",
    ],
)
def test_starting_near_the_window_gives_the_same_dates_as_from_the_first(rule):
    """Expanding from the period before the window is only an optimisation: the dates equal
    dateutil's own, counted from the first date (here 31 January 2011, a month-end on a
    Monday, in winter time), in windows near the start and long after it (in summer time).
    A counted series gets its stored end, as the month view passes it."""
    start = datetime.datetime(2011, 1, 31, 9, 30, tzinfo=AMSTERDAM)
    duration = datetime.timedelta(hours=1)
    stored_end = last_occurrence_end(
        rrule=rule, starts_at=start, ends_at=start + duration, zone=AMSTERDAM
    )
    if "COUNT" in rule:
        assert stored_end is not None
    for window_start, window_end in [
        (datetime.datetime(2011, 1, 1), datetime.datetime(2011, 3, 1)),
        (datetime.datetime(2013, 6, 1), datetime.datetime(2013, 8, 1)),
        (datetime.datetime(2016, 5, 1), datetime.datetime(2016, 7, 1)),
        (datetime.datetime(2024, 10, 1), datetime.datetime(2024, 12, 1)),
        (datetime.datetime(2027, 3, 1), datetime.datetime(2027, 5, 1)),
        (datetime.datetime(2035, 3, 1), datetime.datetime(2035, 5, 1)),
    ]:
        window_start = window_start.replace(tzinfo=AMSTERDAM)
        window_end = window_end.replace(tzinfo=AMSTERDAM)
        expected = dateutil.rrule.rrulestr(rule, dtstart=start).between(
            window_start, window_end, inc=True
        )
        found = occurrences(
            rule,
            starts_at=start,
            zone=AMSTERDAM,
            window_start=window_start,
            window_end=window_end,
            last_start=stored_end - duration if stored_end else None,
            limit=1000,
        )
        assert found == expected, (rule, window_start)


def test_feeds_publish_a_stored_ruinous_rule_as_a_single_date(client):
    activity = stored_without_checks(
        "FREQ=SECONDLY", starts_at=datetime.datetime(2027, 3, 3, 9, tzinfo=AMSTERDAM)
    )
    Activity.objects.filter(pk=activity.pk).update(visibility="public")
    ActivityFactory(
        visibility="public",
        rrule="FREQ=WEEKLY;BYDAY=MO",
        starts_at=datetime.datetime(2027, 3, 1, 9, tzinfo=AMSTERDAM),
        ends_at=datetime.datetime(2027, 3, 1, 10, tzinfo=AMSTERDAM),
    )
    body = client.get(reverse("agenda:public-feed")).content.decode()
    assert body.count("BEGIN:VEVENT") == 2
    assert "RRULE:FREQ=WEEKLY;BYDAY=MO" in body and "SECONDLY" not in body
