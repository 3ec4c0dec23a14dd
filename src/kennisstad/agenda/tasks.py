"""The agenda's background work: pulling the partners' calendars (hourly) and the weekly digest.
Thin wrappers over ``feed_sync`` and ``digest``, which ``sync-feeds`` and ``send-digest`` use
too; the retries, the late acknowledgement and the ``task.*`` log events are
``core.background``'s."""

from kennisstad.core.background import TransientError, background_task, enqueue
from kennisstad.core.http_fetch import TransientFetchError
from kennisstad.core.imports import ImportRefused

from .digest import send_digest
from .feed_sync import sync_feed
from .models import CalendarSubscription


@background_task("agenda.sync_feeds", job="feeds")
def sync_feeds() -> dict[str, int]:
    """Queue one sync per active partner calendar: each is retried on its own, so a calendar
    server that is down delays nobody else's."""
    ids = list(CalendarSubscription.objects.filter(active=True).values_list("pk", flat=True))
    for pk in ids:
        enqueue(sync_feed_task, pk)
    return {"queued": len(ids)}


@background_task("agenda.sync_feed", job="feed")
def sync_feed_task(subscription_id: int) -> dict[str, int | str]:
    """Pull one partner calendar. A sync replaces what the calendar said before, so a rerun
    changes nothing twice. A calendar that did not answer is tried again later; one that was
    refused (malformed, too large, an address inside the network) waits for the next hour:
    its error is on the partner calendar and in ``feed.sync.failed``, never in the task's
    result (it may quote the calendar)."""
    subscription = (
        CalendarSubscription.objects.filter(pk=subscription_id, active=True)
        .select_related("organisation")
        .first()
    )
    if subscription is None:
        return {"outcome": "gone"}
    try:
        report = sync_feed(subscription)
    except TransientFetchError:
        raise
    except (ImportRefused, ValueError, OSError):
        return {"outcome": "failed"}
    return {"outcome": "ok", **report.counts()}


@background_task("agenda.send_digest", job="digest")
def send_digest_task(days: int = 14) -> dict[str, int]:
    """Mail the weekly digest; mails that failed are sent by the retry, the others not again."""
    run = send_digest(days=days)
    if run.failed:
        raise TransientError(f"{run.failed} digest(s) not sent")
    return run.counts()
