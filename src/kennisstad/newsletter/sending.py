"""Sending an edition in batches, outside the web request, so that a stop half-way (a worker
restarted, a deploy, a crash) followed by a rerun mails nobody twice.

Every mail goes through three steps, each committed on its own (autocommit, no surrounding
transaction):

1. **claim**: ``UPDATE delivery SET status='claimed' WHERE id=… AND status='pending'``; only the
   run whose update changed the row sends it, so two runs at once (a task handed to a second
   worker) never mail one subscriber twice;
2. **send** the mail;
3. **mark** it ``sent``.

The crash window is between 2 and 3: a process killed right after the mail server accepted the
mail and before the mark leaves the delivery ``claimed``. A rerun does *not* send claimed
deliveries again (at most once is the promise: nobody gets the newsletter twice); the progress
page counts them as "outcome unknown". The same holds for an error raised while the message may
already have been handed over (a timeout or a dropped connection during or after DATA, the
worker being stopped inside ``send()``): the server may have accepted it, so it stays
``claimed``. Only errors known to happen *before* the message was handed over (the server could
not be reached, it refused the sender or every recipient, a 4xx/5xx before DATA) put the
delivery back to ``pending``, so the rerun sends it; a subscriber whose mail failed
``NEWSLETTER_MAX_ATTEMPTS`` times counts as failed. The team re-sends the outcome-unknown ones
with a button on the edition's page, after checking (``release_unknown``).

A rerun (``send_edition_batch`` again, or ``resume_sending`` from the schedule) therefore sends
only what is still pending; the edition is ``sent`` once nothing is pending any more.
"""

import logging
import secrets
import socket
from dataclasses import dataclass
from smtplib import (
    SMTPConnectError,
    SMTPDataError,
    SMTPHeloError,
    SMTPNotSupportedError,
    SMTPRecipientsRefused,
    SMTPSenderRefused,
)

from django.conf import settings
from django.core.cache import cache
from django.db.models import F
from django.utils import timezone

from .mails import EditionRenderer, open_connection
from .models import Delivery, DeliveryStatus, Edition, EditionStatus, Subscriber, SubscriberStatus

logger = logging.getLogger(__name__)

# The mail server could not be reached at all: nothing was handed over; stop the batch, the
# task's retry continues later.
UNREACHABLE_ERRORS = (SMTPConnectError, ConnectionRefusedError, socket.gaierror)
# Refused with an answer (sender, recipients, DATA or the final dot refused) or never built (a
# bad header, ``ValueError``): the server did not take the message; safe to try again.
REFUSED_ERRORS = (
    SMTPRecipientsRefused,
    SMTPSenderRefused,
    SMTPDataError,
    SMTPHeloError,
    SMTPNotSupportedError,
    ValueError,
)


@dataclass
class BatchRun:
    sent: int = 0
    failed: int = 0
    skipped: int = 0
    left: int = 0

    def counts(self) -> dict[str, int]:
        return {
            "sent": self.sent,
            "failed": self.failed,
            "skipped": self.skipped,
            "left": self.left,
        }


def _claim(delivery_id: int) -> bool:
    now = timezone.now()
    return bool(
        Delivery.objects.filter(pk=delivery_id, status=DeliveryStatus.PENDING).update(
            status=DeliveryStatus.CLAIMED, claimed_at=now, attempts=F("attempts") + 1
        )
    )


def _release(delivery_id: int, error: BaseException, *, count_attempt: bool = True) -> str:
    """Back to pending after an error (or failed, after the last attempt); returns the status."""
    delivery = Delivery.objects.get(pk=delivery_id)
    attempts = delivery.attempts if count_attempt else max(delivery.attempts - 1, 0)
    status = (
        DeliveryStatus.FAILED
        if attempts >= settings.NEWSLETTER_MAX_ATTEMPTS
        else DeliveryStatus.PENDING
    )
    Delivery.objects.filter(pk=delivery_id).update(
        status=status, attempts=attempts, last_error=type(error).__name__[:200], claimed_at=None
    )
    return status


def _mark_unknown(delivery_id: int, error: BaseException) -> None:
    """Left claimed: the mail may have gone out; the error says why nobody knows."""
    Delivery.objects.filter(pk=delivery_id).update(last_error=type(error).__name__[:200])


def _mark_sent(delivery_id: int) -> None:
    Delivery.objects.filter(pk=delivery_id).update(
        status=DeliveryStatus.SENT, sent_at=timezone.now(), last_error=""
    )


def _todo(edition: Edition, size: int) -> list[Delivery]:
    return list(
        Delivery.objects.filter(edition=edition, status=DeliveryStatus.PENDING)
        .select_related("subscriber")
        .prefetch_related("subscriber__themes")
        .order_by("attempts", "pk")[:size]
    )


def _send_one(delivery: Delivery, renderer: EditionRenderer, connection, run: BatchRun) -> None:
    subscriber: Subscriber | None = delivery.subscriber
    if subscriber is None or subscriber.status != SubscriberStatus.CONFIRMED:
        # Unsubscribed (or removed) after sending started: not mailed, not counted as sent.
        Delivery.objects.filter(pk=delivery.pk, status=DeliveryStatus.PENDING).update(
            status=DeliveryStatus.FAILED, last_error="unsubscribed"
        )
        run.skipped += 1
        return
    if not _claim(delivery.pk):
        return  # another run has it
    try:
        renderer.message(subscriber, connection).send()
    except UNREACHABLE_ERRORS as exc:
        _release(delivery.pk, exc, count_attempt=False)
        raise
    except REFUSED_ERRORS as exc:
        if _release(delivery.pk, exc) == DeliveryStatus.FAILED:
            run.failed += 1
        logger.warning("Newsletter delivery %s not sent: %s", delivery.pk, type(exc).__name__)
        return
    except BaseException as exc:
        # A timeout, a dropped connection, the worker stopped inside send(): the server may
        # have accepted the mail, so it stays claimed ("outcome unknown"), never sent twice;
        # the batch stops (the task's retry or the schedule continues with what is pending).
        _mark_unknown(delivery.pk, exc)
        raise
    _mark_sent(delivery.pk)
    run.sent += 1


def send_batch(*, edition_id: int, size: int | None = None) -> BatchRun:
    """Send up to ``size`` (``NEWSLETTER_BATCH_SIZE``) pending mails of the edition; ``left``
    says how many are still pending afterwards (the task queues itself again while any are)."""
    size = size or settings.NEWSLETTER_BATCH_SIZE
    run = BatchRun()
    edition = Edition.objects.filter(pk=edition_id, status=EditionStatus.SENDING).first()
    if edition is None:
        return run
    deliveries = _todo(edition, size)
    if deliveries:
        renderer = EditionRenderer(edition)
        connection = open_connection()
        with connection:
            for delivery in deliveries:
                _send_one(delivery, renderer, connection, run)
    run.left = Delivery.objects.filter(edition=edition, status=DeliveryStatus.PENDING).count()
    if not run.left:
        _finish(edition)
    return run


def _finish(edition: Edition) -> None:
    """Nothing pending: the edition is sent (a history row says when; claimed mails of
    unknown outcome stay counted on its page)."""
    edition.status = EditionStatus.SENT
    edition.sent_at = timezone.now()
    edition._change_reason = "sent"
    edition.save(update_fields=["status", "sent_at", "updated_at"])


def _lease_key(edition_id: int) -> str:
    return f"newsletter:sending:{edition_id}"


def take_lease(edition_id: int, lease: str | None) -> str | None:
    """The edition's sending lease in the shared cache (all workers see it): a new one when
    none is held (``cache.add``), or ``lease`` renewed when it is still the one held. None: another
    chain holds it (or took over after this chain's lease expired), so this one stops."""
    key, timeout = _lease_key(edition_id), settings.NEWSLETTER_LEASE_SECONDS
    if lease is None:
        lease = secrets.token_hex(8)
        return lease if cache.add(key, lease, timeout) else None
    if cache.get(key) not in (lease, None):
        return None
    cache.set(key, lease, timeout)
    return lease


def renew_lease(edition_id: int, lease: str, extra_seconds: int = 0) -> None:
    """Hold the lease over the pause before the next batch too."""
    cache.set(_lease_key(edition_id), lease, settings.NEWSLETTER_LEASE_SECONDS + extra_seconds)


def backoff_seconds(edition_id: int) -> int:
    """The pause before trying again a batch that failed for now as a whole: a minute after
    the first attempt, doubling with every attempt of the least-tried pending mail, at most an
    hour."""
    attempts = (
        Delivery.objects.filter(edition_id=edition_id, status=DeliveryStatus.PENDING)
        .order_by("attempts")
        .values_list("attempts", flat=True)
        .first()
    ) or 1
    return int(min(60 * 2 ** (attempts - 1), 3600))


def drop_lease(edition_id: int, lease: str) -> None:
    if cache.get(_lease_key(edition_id)) == lease:
        cache.delete(_lease_key(edition_id))


def lease_held(edition_id: int) -> bool:
    return cache.get(_lease_key(edition_id)) is not None


def editions_to_resume() -> list[int]:
    """Editions being sent with mails pending and no chain holding them (its lease expired or
    was dropped): what ``resume_sending`` queues again."""
    return [pk for pk in editions_being_sent() if not lease_held(pk)]


def editions_being_sent() -> list[int]:
    """Editions still sending with mails pending."""
    return list(
        Edition.objects.filter(
            status=EditionStatus.SENDING, deliveries__status=DeliveryStatus.PENDING
        )
        .distinct()
        .values_list("pk", flat=True)
    )


def send_until_done(*, max_rounds: int | None = None) -> BatchRun:
    """Send batch after batch of every edition being sent until nothing is pending (the
    ``send-newsletters`` command, for installations without a worker). Stops early when a
    round sent nothing (the mail server refuses everything for now: the next run continues)."""
    total = BatchRun()
    rounds = 0
    while editions := editions_being_sent():
        progress = 0
        for edition_id in editions:
            run = send_batch(edition_id=edition_id)
            total.sent, total.failed = total.sent + run.sent, total.failed + run.failed
            total.skipped += run.skipped
            progress += run.sent + run.failed + run.skipped
        rounds += 1
        if not progress or (max_rounds is not None and rounds >= max_rounds):
            break
    total.left = Delivery.objects.filter(
        edition__status=EditionStatus.SENDING, status=DeliveryStatus.PENDING
    ).count()
    return total
