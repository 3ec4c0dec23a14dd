"""A calendar may not hold more events than ``ICS_MAX_EVENTS`` (refused while it is read, naming
the limit and the line), and the UID lookups of an import and a sync are chunked: a calendar
with more UIDs than one SQL query may have variables (SQLite: 32,766) imports, not a 500."""

import contextlib
import sqlite3

import pytest
from django.db import connection
from django.utils import translation

from kennisstad.agenda import ics_plan
from kennisstad.agenda.ics_import import IcsFormatError, import_events, parse_ics, sync_subscription
from kennisstad.agenda.models import Activity, ActivityStatus
from kennisstad.agenda.tests.factories import CalendarSubscriptionFactory

pytestmark = pytest.mark.django_db


def calendar(count: int, prefix: str = "e") -> str:
    events = "".join(
        f"BEGIN:VEVENT\r\nUID:{prefix}-{n}@partner\r\nSUMMARY:Bijeenkomst {n}\r\n"
        f"DTSTART:20300101T{n % 20:02d}0000Z\r\nEND:VEVENT\r\n"
        for n in range(count)
    )
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//T//NL\r\n{events}END:VCALENDAR\r\n"


def test_a_calendar_with_more_events_than_the_limit_is_refused(settings):
    settings.ICS_MAX_EVENTS = 3
    assert len(parse_ics(calendar(3))) == 3
    with translation.override("en"), pytest.raises(IcsFormatError) as refused:
        parse_ics(calendar(4))
    assert refused.value.line == 4 + 3 * 5  # the fourth BEGIN:VEVENT
    assert "more than 3 events" in refused.value.message


@contextlib.contextmanager
def few_sql_variables(limit: int, monkeypatch):
    """SQLite with a variable limit this low, known to Django's bulk inserts too (PostgreSQL:
    the lookups still run chunked)."""
    if connection.vendor != "sqlite":
        yield
        return
    connection.ensure_connection()
    raw = connection.connection
    monkeypatch.setattr(connection.features, "max_query_params", limit)
    before = raw.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, limit)
    try:
        yield
    finally:
        raw.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, before)


def test_more_uids_than_one_query_may_hold_are_looked_up_in_chunks(monkeypatch):
    monkeypatch.setattr(ics_plan, "LOOKUP_CHUNK", 40)
    events = parse_ics(calendar(120))
    with few_sql_variables(100, monkeypatch):
        report = import_events(events)
        assert len(report.created) == 120
        again = import_events(events)
    assert len(again.unchanged) == 120 and not again.created


def test_a_sync_cancels_in_chunks_what_left_a_large_feed(monkeypatch, settings):
    monkeypatch.setattr(ics_plan, "LOOKUP_CHUNK", 40)
    feed = CalendarSubscriptionFactory()
    with few_sql_variables(100, monkeypatch):
        sync_subscription(feed, fetch=lambda url: calendar(120))
        report = sync_subscription(feed, fetch=lambda url: calendar(110))
    assert len(report.changed) == 10
    cancelled = Activity.objects.filter(subscription=feed, status=ActivityStatus.CANCELLED)
    assert sorted(cancelled.values_list("uid", flat=True)) == sorted(
        f"e-{n}@partner" for n in range(110, 120)
    )
