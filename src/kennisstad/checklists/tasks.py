"""The nightly checklist reminders as a task: a thin wrapper over
``reminders.send_task_reminders``, which marks each task as it mails it, so a rerun sends
nothing twice. It first brings due dates in step with moved events."""

from django.utils import timezone

from kennisstad.core.background import background_task

from .reminders import send_task_reminders
from .services import follow_all_events


@background_task("checklists.send_task_reminders", job="checklist_reminders")
def send_task_reminders_task() -> dict[str, int]:
    moved = follow_all_events()
    run = send_task_reminders(today=timezone.localdate())
    return {"moved": moved, "mails": run.mails, "tasks": run.tasks, "failed": run.failed}
