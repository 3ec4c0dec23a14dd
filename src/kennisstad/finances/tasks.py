"""The daily reminders about grants' accountability as a task: a thin wrapper over
``grant_reminders.send_grant_reminders`` (the ``send-grant-reminders`` command's), which records
each reminder as it sends it, so a rerun sends nothing twice."""

from django.utils import timezone

from kennisstad.core.background import background_task

from .grant_reminders import send_grant_reminders


@background_task("finances.send_grant_reminders", job="grant_reminders")
def send_grant_reminders_task() -> dict[str, int]:
    """Today's grant reminders; a mail that failed is not recorded, so the next run sends it."""
    run = send_grant_reminders(today=timezone.localdate())
    return {
        "before": run.before,
        "overdue": run.overdue,
        "mails": run.mails,
        "skipped": len(run.skipped),
    }
