"""The daily reminders before agreements expire as a task (queued by
``workspace.send_reminders``): a thin wrapper over ``reminders.send_expiry_reminders``, which
marks each agreement as it mails about it, so a rerun sends nothing twice."""

from django.utils import timezone

from kennisstad.core.background import background_task

from .reminders import send_expiry_reminders


@background_task("agreements.send_expiry_reminders", job="agreement_reminders")
def send_expiry_reminders_task() -> dict[str, int]:
    run = send_expiry_reminders(today=timezone.localdate())
    return {
        "mails": run.mails,
        "agreements": run.agreements,
        "skipped": run.skipped,
        "failed": run.failed,
    }
