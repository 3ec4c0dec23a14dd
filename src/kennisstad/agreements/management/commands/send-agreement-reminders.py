"""``kennisstad send-agreement-reminders [--date YYYY-MM-DD] [--days N]``: mail each relationship
owner their agreements expiring within N days (AGREEMENT_REMINDER_DAYS) of the last day to renew
or end them, each expiry date once. Run it daily; a rerun sends nothing twice."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from kennisstad.agreements.reminders import send_expiry_reminders


class Command(BaseCommand):
    help = "Mail relationship owners their agreements expiring soon (each expiry date once)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--date", help="The day to remind as of (YYYY-MM-DD); today if left out."
        )
        parser.add_argument(
            "--days", type=int, help="Days ahead; AGREEMENT_REMINDER_DAYS if left out."
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
        if options["days"] is not None and options["days"] < 0:
            raise CommandError("--days: give a number of days of 0 or more.")
        run = send_expiry_reminders(today=today, days=options["days"])
        self.stdout.write(
            f"{run.mails} mail(s) about {run.agreements} agreement(s) sent, "
            f"{run.skipped} without an owner to mail, {run.failed} failed."
        )
