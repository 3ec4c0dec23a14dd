"""``kennisstad purge-personal-data [--dry-run] [--kind KEY]``: purge every kind of personal
record past its retention period (contact persons, contact moments, registrations,
subscribers, delegation members, ...). Run it daily if no Celery scheduler runs it."""

from django.core.management.base import BaseCommand, CommandError

from kennisstad.privacy.registry import kinds_in_order, record_kinds
from kennisstad.privacy.services import purge_personal_data


class Command(BaseCommand):
    help = "Purge the personal data of every kind of record past its retention period."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only count what would go.")
        parser.add_argument(
            "--kind",
            action="append",
            default=[],
            help="Only this kind (repeatable): " + ", ".join(k.key for k in kinds_in_order()),
        )

    def handle(self, *args, dry_run=False, kind=(), **options):
        unknown = [key for key in kind if key not in record_kinds]
        if unknown:
            raise CommandError(f"Unknown kind(s): {', '.join(unknown)}")
        run = purge_personal_data(dry_run=dry_run, only=kind)
        verb = "Would purge" if dry_run else "Purged"
        for key, count in run.counts.items():
            self.stdout.write(f"{key}: {verb.lower()} {count}")
        for key, error in run.failed.items():
            self.stderr.write(f"{key}: FAILED ({error})")
        if run.failed:
            raise CommandError(f"{len(run.failed)} kind(s) failed; see above.")
        self.stdout.write(f"{verb} {sum(run.counts.values())} record(s) in total.")
