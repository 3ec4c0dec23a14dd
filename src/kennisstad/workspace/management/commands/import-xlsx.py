"""``kennisstad import-xlsx FILE --kind organisations|people|projects [--dry-run]``."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from kennisstad.core.imports import ImportRefused, refused_command
from kennisstad.workspace.imports import IMPORT_KINDS, import_file


class Command(BaseCommand):
    help = (
        "Import organisations, people or projects from a spreadsheet (.xlsx or .csv) with a "
        "header row in Dutch or English. All rows or none: any wrong row stops the import."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="an .xlsx workbook (first sheet) or a .csv file")
        parser.add_argument("--kind", choices=sorted(IMPORT_KINDS), required=True)
        parser.add_argument(
            "--dry-run", action="store_true", help="report what would happen; write nothing"
        )
        parser.add_argument("--language", choices=["nl", "en"], default="nl")

    def handle(self, *args, **options):
        path = Path(options["file"])
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"{path}: {exc.strerror or exc}") from exc
        with translation.override(options["language"]):
            try:
                report = import_file(
                    data=data,
                    filename=path.name,
                    kind=options["kind"],
                    user=None,
                    dry_run=options["dry_run"],
                )
            except ImportRefused as refused:
                raise refused_command(self, str(path), refused) from refused
            for line in report.lines():
                self.stdout.write(line)
