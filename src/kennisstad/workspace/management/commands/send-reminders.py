"""``kennisstad send-reminders [--date YYYY-MM-DD]``: the one daily job for every reminder the
P&C cycle needs: missing figures before and after each deadline, grants whose accountability
is due or overdue, and preparation tasks due soon. A scheduler (cron, a systemd timer, later
celery beat) runs this one command; each part records what it sent, so a rerun mails nobody
twice."""

import logging

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

logger = logging.getLogger(__name__)

PARTS = ("send-value-reminders", "send-grant-reminders", "send-checklist-reminders")


class Command(BaseCommand):
    help = "Send every due reminder: missing figures, grant accountability, checklist tasks."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="the day to act as today, YYYY-MM-DD")

    def handle(self, *args, **options):
        arguments = ["--date", options["date"]] if options["date"] else []
        failed = []
        for part in PARTS:
            self.stdout.write(f"{part}:")
            try:  # one part failing (e.g. a bad --date, a database error) must not stop the next
                call_command(part, *arguments, stdout=self.stdout, stderr=self.stderr)
            except Exception:
                logger.exception("%s failed", part)
                failed.append(part)
        if failed:
            raise CommandError(f"Failed: {', '.join(failed)} (see the log); the others ran.")
