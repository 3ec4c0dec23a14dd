"""The daily reminder job (``send-reminders`` as a task): every kind of reminder the P&C cycle
needs, each queued as its own task so one failing (and retried) holds up none of the others.
Each part records what it sent, so a rerun mails nobody twice."""

from kennisstad.agreements.tasks import send_expiry_reminders_task
from kennisstad.checklists.tasks import send_task_reminders_task
from kennisstad.core.background import background_task, enqueue
from kennisstad.finances.tasks import send_grant_reminders_task
from kennisstad.indicators.tasks import send_value_reminders_task

PARTS = (
    send_value_reminders_task,
    send_grant_reminders_task,
    send_task_reminders_task,
    send_expiry_reminders_task,
)


@background_task("workspace.send_reminders", job="reminders")
def send_reminders() -> dict[str, int]:
    for part in PARTS:
        enqueue(part)
    return {"queued": len(PARTS)}
