"""``kennisstad send-grant-reminders [--date YYYY-MM-DD]``: remind grants' handlers before
their accountability is due, and handlers and team leads once it is overdue. Run it daily
(cron, a systemd timer); a rerun sends nothing twice."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from kennisstad.finances.grant_reminders import send_grant_reminders


class Command(BaseCommand):
    help = "Mail reminders about grants whose accountability is due soon or overdue."

    def add_arguments(self, parser):
        parser.add_argument(
            "--date", help="The day to remind as of (YYYY-MM-DD); today if left out."
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
        run = send_grant_reminders(today=today)
        self.stdout.write(
            f"{run.before} reminder(s) before the due date, {run.overdue} overdue, "
            f"{run.mails} mail(s) sent."
        )
        for name in run.skipped:
            self.stdout.write(f"Nobody to remind about {name}: give it a handler or a team lead.")
