"""The newsletter's background work: sending an edition batch by batch, picking up editions whose
sending stopped, and the nightly retention purge. Thin wrappers over ``sending`` and
``services``; retries and log events are ``core.background``'s."""

import logging

from kennisstad.core.background import background_task, enqueue
from kennisstad.core.events import log_event

from . import sending, services


@background_task("newsletter.send_edition_batch", job="newsletter")
def send_edition_batch(edition_id: int, lease: str | None = None) -> dict[str, int]:
    """Send one batch, then queue the next while mails are pending. One chain per edition: the
    first link takes the edition's lease (``sending.take_lease``), each next link is handed it
    and renews it; a second chain (a resume while one runs) finds it taken and stops. A rerun
    (the task handed to another worker after a restart) sends only what is still pending."""
    lease = sending.take_lease(edition_id, lease)
    if lease is None:
        return {"busy": 1}
    try:
        run = sending.send_batch(edition_id=edition_id)
    except BaseException:
        sending.drop_lease(edition_id, lease)  # the retry or the schedule takes it again
        raise
    if run.left and not _in_process():
        # Mails still pending: the next batch now, or, when this whole batch failed for now
        # (the server answered "try later" to every mail), after a growing pause.
        progress = run.sent + run.failed + run.skipped
        countdown = 0 if progress else sending.backoff_seconds(edition_id)
        sending.renew_lease(edition_id, lease, countdown)
        _queue_next(edition_id, lease, countdown)
    else:
        sending.drop_lease(edition_id, lease)
    return run.counts()


def _queue_next(edition_id: int, lease: str, countdown: int) -> None:
    if not countdown:
        enqueue(send_edition_batch, edition_id, lease)
        return
    try:
        send_edition_batch.apply_async((edition_id, lease), countdown=countdown)
    except Exception as exc:  # the broker is gone: the scheduled resume continues
        log_event(
            "task.enqueue.failed",
            level=logging.WARNING,
            task=send_edition_batch.name,
            error=type(exc).__name__,
        )


def _in_process() -> bool:
    """No broker: the task runs in whoever queued it (a web request), so it must not chain the
    whole edition there; ``resume_sending`` on the schedule or ``kennisstad send-newsletters``
    from cron sends the rest."""
    return bool(send_edition_batch.app.conf.task_always_eager)


@background_task("newsletter.resume_sending", job="newsletter-resume")
def resume_sending() -> dict[str, int]:
    """Queue a batch for every edition still being sent with mails pending whose chain is gone
    (its lease expired): after a broker or worker lost the queued task, sending continues with
    the next scheduled run, and never as a second chain beside a running one."""
    editions = sending.editions_to_resume()
    for edition_id in editions:
        enqueue(send_edition_batch, edition_id)
    return {"queued": len(editions)}


@background_task("newsletter.send_confirmation", job="newsletter-confirm")
def send_confirmation(key: str, token: str, language: str) -> dict[str, int]:
    """The mail with the confirmation link; a mail server that is down is retried later."""
    return {"sent": services.mail_confirmation(key=key, token=token, language=language)}


@background_task("newsletter.purge_subscribers", job="newsletter-purge")
def purge_subscribers() -> dict[str, int]:
    """Remove never-confirmed and long-unsubscribed addresses (retention)."""
    return services.purge_subscribers()
