"""``kennisstad freeze-finances DOCUMENT_REFERENCE [--dry-run]``: freeze a document's finance
tables and overview again from the ledger as it stands now (an imported document read in
before its ledger, or a ledger corrected later)."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from kennisstad.planning.finance_services import refreeze_finances
from kennisstad.policy.models import Document
from kennisstad.policy.selectors import document_by_reference


class Command(BaseCommand):
    help = "Freeze a published or adopted document's finance tables again from the ledger."

    def add_arguments(self, parser):
        parser.add_argument("reference", help="e.g. begroting-2018, jaarstukken-2017")
        parser.add_argument(
            "--dry-run", action="store_true", help="print what would change; write nothing"
        )

    def handle(self, *args, **options):
        try:
            document = document_by_reference(options["reference"])
        except Document.DoesNotExist as exc:
            raise CommandError(f"There is no document {options['reference']}.") from exc
        try:
            changed = refreeze_finances(document=document, user=None, dry_run=options["dry_run"])
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        if not changed:
            self.stdout.write(f"{document}: the frozen finances match the ledger; nothing changes.")
            return
        verb = "would change" if options["dry_run"] else "changed"
        self.stdout.write(f"{document}: {verb}: {', '.join(changed)}.")
