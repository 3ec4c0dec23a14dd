"""The indicators' background work: the daily reminders about missing figures, and the mails
about delivered figures, sent by a worker rather than inside the partner's or reviewer's
request (a slow mail server no longer holds up the page)."""

from django.utils import timezone

from kennisstad.core.background import background_task

from . import delivery_mail
from .reminder_services import send_value_reminders


@background_task("indicators.send_value_reminders", job="value_reminders")
def send_value_reminders_task() -> dict[str, int]:
    """Today's reminders; each (deadline, recipient, kind) is recorded as it is sent, so a rerun
    mails nobody twice and a mail that failed goes out on the next run."""
    return {"sent": len(send_value_reminders(today=timezone.localdate()))}


# Acknowledged when taken, not when done: a mail keeps no sent-log, so a worker killed after
# sending must not have the task delivered (and the mail sent) again; a refused send still
# retries through the policy.
@background_task("indicators.send_delivery_mail", job="delivery_mail", acks_late=False)
def send_delivery_mail(delivered_id: int, recipient_id: int, kind: str) -> dict[str, int]:
    """One mail about a delivered figure to one person (``delivery_mail.send_one``); a mail
    server that refuses for now is tried again later for this recipient only."""
    return {"sent": delivery_mail.send_one(delivered_id, recipient_id, kind)}
