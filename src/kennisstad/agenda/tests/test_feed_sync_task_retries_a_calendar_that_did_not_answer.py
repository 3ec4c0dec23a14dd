"""The hourly feed sync queues one task per active partner calendar. A calendar server that did
not answer (a time-out, a 503) is tried again with backoff and the retry writes the events once;
a refused calendar (malformed, an address inside the network) is not retried: its error is on
the partner calendar, and the other calendars are synchronised all the same."""

from unittest import mock

import pytest

from kennisstad.agenda import ics_import
from kennisstad.agenda.models import Activity
from kennisstad.agenda.tasks import sync_feeds
from kennisstad.agenda.tests.factories import CalendarSubscriptionFactory
from kennisstad.core.http_fetch import FetchError, TransientFetchError
from kennisstad.core.tests.events import listen, logged

pytestmark = pytest.mark.django_db

CALENDAR = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//RUG//NL\r\nBEGIN:VEVENT\r\nUID:{uid}\r\n"
    "DTSTART;TZID=Europe/Amsterdam:20270301T100000\r\nDTEND;TZID=Europe/Amsterdam:"
    "20270301T120000\r\nSUMMARY:Gastcollege\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)


def test_a_calendar_that_did_not_answer_is_retried_and_the_others_still_sync(caplog):
    slow = CalendarSubscriptionFactory(url="https://slow.example/agenda.ics")
    bad = CalendarSubscriptionFactory(url="https://bad.example/agenda.ics")
    fine = CalendarSubscriptionFactory(url="https://fine.example/agenda.ics")
    CalendarSubscriptionFactory(url="https://off.example/agenda.ics", active=False)
    attempts = {"slow": 0}

    def fetch(url):
        if "slow" in url:
            attempts["slow"] += 1
            if attempts["slow"] <= 2:
                raise TransientFetchError(url, "no complete answer within the time limit")
            return CALENDAR.format(uid="slow@example")
        if "bad" in url:
            raise FetchError(url, "the server answered 404 Not Found")
        return CALENDAR.format(uid="fine@example")

    listen(caplog)
    with mock.patch.object(ics_import, "_fetch", fetch):
        assert sync_feeds.delay().get() == {"queued": 3}
    assert attempts["slow"] == 3
    assert Activity.objects.filter(subscription=slow).count() == 1
    assert Activity.objects.filter(subscription=fine).count() == 1
    bad.refresh_from_db()
    assert "404" in bad.last_error
    outcomes = {event["task_id"]: event for event in logged(caplog, "task.feed.finished")}
    assert sorted(event["outcome"] for event in outcomes.values()) == ["failed", "ok", "ok"]
    assert [e["attempt"] for e in logged(caplog, "task.feed.retrying")] == [1, 2]
    [run] = logged(caplog, "task.feeds.finished")
    assert run["queued"] == 3
