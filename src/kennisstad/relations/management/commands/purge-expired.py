"""``kennisstad purge-expired [--dry-run]``: erase everyone whose retention date has passed.
Run it daily (cron, a systemd timer); each erasure is logged with "retention period expired"."""

from django.core.management.base import BaseCommand, CommandError

from kennisstad.relations.services import purge_expired


class Command(BaseCommand):
    help = "Erase the personal data of people past their retention date (retain_until)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Only report whom it would erase."
        )

    def handle(self, *args, dry_run=False, **options):
        report = purge_expired(dry_run=dry_run)
        numbers = ", ".join(str(pk) for pk in report.erased) or "-"
        if dry_run:
            self.stdout.write(f"Would erase {len(report.erased)} person(s): {numbers}")
            return
        self.stdout.write(f"Erased {len(report.erased)} person(s): {numbers}")
        for pk, message in report.failed.items():
            self.stderr.write(f"Person {pk}: FAILED: {message}")
        if report.failed:
            raise CommandError(f"{len(report.failed)} person(s) could not be erased; see above.")
