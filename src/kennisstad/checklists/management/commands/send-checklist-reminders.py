"""``kennisstad send-checklist-reminders [--date YYYY-MM-DD] [--days N]``: move the due dates
that follow a moved event, then mail each owner their open preparation tasks due within N days
(CHECKLIST_REMINDER_DAYS), each task once. Run it daily; a rerun sends nothing twice."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from kennisstad.checklists.reminders import send_task_reminders
from kennisstad.checklists.services import follow_all_events


class Command(BaseCommand):
    help = "Mail owners their checklist tasks due soon (each task once)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--date", help="The day to remind as of (YYYY-MM-DD); today if left out."
        )
        parser.add_argument(
            "--days", type=int, help="Days ahead; CHECKLIST_REMINDER_DAYS if left out."
        )

    def handle(self, *args, **options):
        today = timezone.localdate()
        if options["date"]:
            try:
                today = datetime.date.fromisoformat(options["date"])
            except ValueError as exc:
                raise CommandError(
                    f"--date: give a date as YYYY-MM-DD, not {options['date']!r}."
                ) from exc
        moved = follow_all_events()
        run = send_task_reminders(today=today, days=options["days"])
        self.stdout.write(
            f"{moved} due date(s) moved with their event; {run.mails} mail(s) about "
            f"{run.tasks} task(s) sent, {run.failed} failed."
        )
