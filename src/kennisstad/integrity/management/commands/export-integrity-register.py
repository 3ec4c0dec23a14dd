"""``kennisstad export-integrity-register --register gifts|trips --period 2027-q1
--format xlsx|csv|docx --output FILE [--language nl|en]``: a period of the public integrity
register (gifts received above the threshold, or trips paid by third parties) as a file."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from kennisstad.integrity.exports import FORMATS, REGISTERS, render
from kennisstad.integrity.selectors import period_from_slug


class Command(BaseCommand):
    help = (
        "Export a period of the public integrity register: the gifts received above the "
        "threshold, or the trips and invitations paid by third parties."
    )

    def add_arguments(self, parser):
        parser.add_argument("--register", choices=REGISTERS, required=True)
        parser.add_argument("--period", required=True, help="2027-q1 (quarter) or 2027-h2")
        parser.add_argument("--format", choices=FORMATS, required=True)
        parser.add_argument("-o", "--output", required=True, help="the file to write")
        parser.add_argument("--language", choices=("nl", "en"), default="nl")

    def handle(self, *args, **options):
        period = period_from_slug(options["period"])
        if period is None:
            raise CommandError("The period is a year and a quarter or half: 2027-q1, 2027-h2.")
        output = Path(options["output"])
        if not output.parent.exists():
            raise CommandError(f"The folder {output.parent} does not exist.")
        with translation.override(options["language"]):
            data = render(options["register"], period, options["format"])
        output.write_bytes(data)
        self.stderr.write(f"Wrote {output} ({len(data)} bytes).")
