"""``kennisstad send-value-reminders [--date YYYY-MM-DD] [--dry-run]``: mail the owners whose
figures are missing before a P&C deadline, and the team leads after it. Run it daily (cron, a
systemd timer); a rerun mails nobody twice."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from kennisstad.indicators.reminder_services import send_value_reminders


class Command(BaseCommand):
    help = "Mail owners their missing figures before a P&C deadline, team leads after it."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="the day to act as today, YYYY-MM-DD")
        parser.add_argument("--dry-run", action="store_true", help="list the mails, send none")

    def handle(self, *args, **options):
        today = timezone.localdate()
        if options["date"]:
            try:
                today = datetime.date.fromisoformat(options["date"])
            except ValueError as exc:
                raise CommandError("--date takes a day as YYYY-MM-DD, e.g. 2018-05-15") from exc
        reminders = send_value_reminders(today=today, dry_run=options["dry_run"])
        for reminder in reminders:
            self.stdout.write(
                f"{reminder.kind}: {reminder.deadline} -> {reminder.recipient.email} "
                f"({len(reminder.indicator_ids)} indicator(s))"
            )
        verb = "would be sent" if options["dry_run"] else "sent"
        self.stdout.write(f"{len(reminders)} reminder(s) {verb}.")
