"""Every partner-calendar sync writes ``feed.sync.started`` and then exactly one of
``feed.sync.finished`` (with the counts, once the writes are committed) or ``feed.sync.failed``
(a warning naming the error's class, never its message: that may hold the calendar's secret
address or an event's text)."""

import logging

import pytest
from django.core.management import CommandError, call_command

from kennisstad.agenda.feed_sync import sync_feed
from kennisstad.agenda.models import Activity
from kennisstad.agenda.tests.factories import CalendarSubscriptionFactory
from kennisstad.core.tests.events import listen, logged, names

pytestmark = pytest.mark.django_db

EVENT = (
    "BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTART;TZID=Europe/Amsterdam:20270301T100000\r\n"
    "DTEND;TZID=Europe/Amsterdam:20270301T120000\r\nSUMMARY:{title}\r\nEND:VEVENT\r\n"
)


def calendar(*events: tuple[str, str]) -> str:
    body = "".join(EVENT.format(uid=uid, title=title) for uid, title in events)
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//RUG//NL\r\n{body}END:VCALENDAR\r\n"


@pytest.fixture
def events(caplog, django_capture_on_commit_callbacks):
    listen(caplog)
    return django_capture_on_commit_callbacks


def test_a_sync_logs_its_start_and_its_counts(caplog, events):
    feed = CalendarSubscriptionFactory()
    sync_feed(feed, fetch=lambda url: calendar(("a@rug.nl", "Gastcollege"), ("b@rug.nl", "Open")))
    caplog.clear()
    with events(execute=True):
        sync_feed(feed, fetch=lambda url: calendar(("a@rug.nl", "Gastcollege Energie")))
    # The import in between writes its own event (``import.ics``, source ``feed``).
    assert names(caplog) == ["feed.sync.started", "import.ics", "feed.sync.finished"]
    started, _, finished = logged(caplog)
    assert started == {
        "event": "feed.sync.started",
        "actor": "system",
        "feed": feed.pk,
        "organisation": feed.organisation_id,
    }
    assert finished["outcome"] == "ok"
    assert (finished["feed"], finished["organisation"]) == (feed.pk, feed.organisation_id)
    # One changed, one cancelled because it left the feed.
    counts = [finished[key] for key in ("created", "changed", "unchanged", "conflicts", "skipped")]
    assert counts == [0, 2, 0, 0, 0]
    assert isinstance(finished["duration_ms"], int) and finished["duration_ms"] >= 0


def test_a_failed_sync_logs_a_warning_with_the_error_class_only(caplog, events):
    feed = CalendarSubscriptionFactory(url="https://agenda.example.org/cal.ics?token=s3cret")

    def unreachable(url):
        raise OSError(f"could not reach {url}")

    with events(execute=True), pytest.raises(OSError):
        sync_feed(feed, fetch=unreachable)
    assert names(caplog) == ["feed.sync.started", "feed.sync.failed"]
    failed = caplog.records[-1]
    assert failed.levelno == logging.WARNING
    assert failed.event_fields["outcome"] == "failed"
    assert failed.event_fields["error"] == "OSError"
    assert failed.event_fields["line"] is None
    assert "s3cret" not in failed.getMessage() and "s3cret" not in str(failed.event_fields)


def test_a_refused_calendar_writes_nothing_and_logs_no_success(caplog, events):
    feed = CalendarSubscriptionFactory()
    broken = calendar(("a@rug.nl", "Gastcollege")).replace("20270301T100000", "gisteren")
    with events(execute=True), pytest.raises(ValueError):
        sync_feed(feed, fetch=lambda url: broken)
    assert not Activity.objects.exists()
    assert names(caplog) == ["feed.sync.started", "feed.sync.failed"]
    failed = logged(caplog, "feed.sync.failed")[0]
    assert failed["error"] == "IcsFormatError" and failed["line"] == 6  # DTSTART
    assert "Gastcollege" not in str(failed)


def test_the_command_logs_every_calendar(monkeypatch, caplog, events):
    good, bad = CalendarSubscriptionFactory(), CalendarSubscriptionFactory()

    def fetch(url):
        if url == bad.url:
            raise OSError("404")
        return calendar(("a@rug.nl", "Gastcollege"))

    monkeypatch.setattr("kennisstad.agenda.ics_import._fetch", fetch)
    with events(execute=True), pytest.raises(CommandError):
        call_command("sync-feeds")
    finished = logged(caplog, "feed.sync.finished")
    failed = logged(caplog, "feed.sync.failed")
    assert [(event["feed"], event["created"]) for event in finished] == [(good.pk, 1)]
    assert [(event["feed"], event["error"]) for event in failed] == [(bad.pk, "OSError")]
    assert len(logged(caplog, "feed.sync.started")) == 2
