"""``kennisstad import-finances FILE [--dry-run] [--mapping FILE] [--estimated-in YEAR]``:
import a ledger export (.csv or .xlsx). Each (year, kind) set in the file replaces the stored
lines of that set; any wrong row refuses the whole file (every such row named, non-zero exit)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from kennisstad.core.imports import ImportRefused, refused_command
from kennisstad.finances.ledger_columns import parse_mapping
from kennisstad.finances.services import import_ledger


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise CommandError(f"{path}: {exc.strerror or exc}") from exc


class Command(BaseCommand):
    help = (
        "Import lasten and baten from a ledger export (.csv or .xlsx with a header row): year, "
        "kind (rekening, primitief, wijziging, raming), taakveld, policy field, amount, and "
        "optionally lasten/baten, ledger account, cost centre, amendment, description. Without "
        "a lasten/baten column a positive amount is lasten, a negative one baten. The sets "
        "(year and kind) in the file replace the stored ones; a wrong row writes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="a .csv or .xlsx ledger export")
        parser.add_argument(
            "--dry-run", action="store_true", help="report what would happen; write nothing"
        )
        parser.add_argument(
            "--mapping",
            help='a JSON file naming the columns, e.g. {"policy_field": "Beleidsproduct"}',
        )
        parser.add_argument(
            "--estimated-in",
            type=int,
            help="the begroting year of raming lines that do not say it themselves",
        )
        parser.add_argument("--language", choices=["nl", "en"], default="nl")

    def handle(self, *args, **options):
        path = Path(options["file"])
        with translation.override(options["language"]):
            try:
                mapping = None
                if options["mapping"]:
                    mapping_path = Path(options["mapping"])
                    mapping = parse_mapping(_read(mapping_path), source=str(mapping_path))
                report = import_ledger(
                    data=_read(path),
                    file_name=path.name,
                    user=None,
                    dry_run=options["dry_run"],
                    mapping=mapping,
                    estimated_in=options["estimated_in"],
                )
            except ImportRefused as refused:
                raise refused_command(self, str(path), refused) from refused
            for line in report.lines():
                self.stdout.write(line)
