"""One partner calendar's sync with its log events: ``feed.sync.started``, then exactly one of
``feed.sync.finished`` (written once the sync's writes are committed) or ``feed.sync.failed``
(at WARNING, with the error's class only: its message may quote the calendar's address or an
event's text). The sync itself is ``ics_import.sync_subscription``, whose import also writes
``import.ics`` (source ``feed``)."""

import logging
import time
from collections.abc import Callable

from kennisstad.core.events import log_event, log_event_on_commit
from kennisstad.core.imports import ImportRefused, ImportReport

from .ics_import import sync_subscription
from .models import CalendarSubscription


def sync_feed(
    subscription: CalendarSubscription, *, fetch: Callable[[str], str] | None = None
) -> ImportReport:
    """Pull one partner calendar (see ``sync_subscription``) and log how it went."""
    ids = {"feed": subscription.pk, "organisation": subscription.organisation_id}
    log_event("feed.sync.started", **ids)
    started = time.monotonic()
    try:
        report = sync_subscription(subscription, fetch=fetch)
    except Exception as exc:
        log_event(
            "feed.sync.failed",
            level=logging.WARNING,
            **ids,
            outcome="failed",
            error=type(exc).__name__,
            line=_first_line(exc),
            duration_ms=_since(started),
        )
        raise
    log_event_on_commit(
        "feed.sync.finished",
        **ids,
        outcome="ok",
        **report.counts(),
        duration_ms=_since(started),
    )
    return report


def _first_line(exc: Exception) -> int | None:
    """The calendar's line a refusal names first (a number is safe to log; its text is not)."""
    if isinstance(exc, ImportRefused):
        return next((p.line for p in exc.problems if p.line is not None), None)
    return None


def _since(started: float) -> int:
    return round((time.monotonic() - started) * 1000)
