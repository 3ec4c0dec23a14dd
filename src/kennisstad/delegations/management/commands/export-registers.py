"""``kennisstad export-registers --register travel --year Y [--half 1|2]
--format xlsx|csv|docx --output FILE [--language nl|en]``: the foreign-travel register as a file."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from kennisstad.delegations.exports import FORMATS, REGISTERS, render
from kennisstad.delegations.selectors import Period


class Command(BaseCommand):
    help = (
        "Export the foreign-travel register for a year or half year (the gifts register: "
        "export-integrity-register)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--register", choices=REGISTERS, required=True)
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--half", type=int, choices=(1, 2), help="1: Jan-Jun, 2: Jul-Dec")
        parser.add_argument("--format", choices=FORMATS, required=True)
        parser.add_argument("-o", "--output", required=True, help="the file to write")
        parser.add_argument("--language", choices=("nl", "en"), default="nl")

    def handle(self, *args, **options):
        try:
            period = Period(options["year"], options["half"])
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        output = Path(options["output"])
        if not output.parent.exists():
            raise CommandError(f"The folder {output.parent} does not exist.")
        with translation.override(options["language"]):
            data = render(options["register"], period, options["format"])
        output.write_bytes(data)
        self.stderr.write(f"Wrote {output} ({len(data)} bytes).")
