"""``kennisstad export-begroting --year Y [--policy-field CODE] --format FMT [-o FILE]``."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kennisstad.planning.exports import FORMATS, render
from kennisstad.planning.finance_tables import finance_overview
from kennisstad.planning.models import Chapter
from kennisstad.policy.models import Document, DocumentKind


class Command(BaseCommand):
    help = "Export a begroting (or jaarstukken) chapter or the whole document."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument(
            "--kind", choices=[kind.value for kind in DocumentKind], default=DocumentKind.BEGROTING
        )
        parser.add_argument("--policy-field", help="e.g. 2.1.4; default: every chapter")
        parser.add_argument("--format", choices=FORMATS, required=True)
        parser.add_argument("-o", "--output", help="file to write; default: standard output")

    def handle(self, *args, **options):
        document = Document.objects.filter(kind=options["kind"], year=options["year"]).first()
        if document is None:
            raise CommandError(f"There is no {options['kind']} {options['year']}.")
        chapters = (
            Chapter.objects.filter(document=document)
            .select_related("document", "policy_area__parent__parent")
            .prefetch_related("sections", "actions", "table_rows__indicator")
            .order_by("policy_area__code")
        )
        if options["policy_field"]:
            chapters = chapters.filter(policy_area__code=options["policy_field"])
            if not chapters.exists():
                raise CommandError(
                    f"{document} has no chapter for policy field {options['policy_field']}."
                )
        # The whole document adds its overview of lasten and baten per taakveld (BBV).
        overview = None if options["policy_field"] else finance_overview(document)
        data = render(list(chapters), options["format"], overview=overview)
        if options["output"]:
            Path(options["output"]).write_bytes(data)
            self.stderr.write(f"Wrote {options['output']} ({len(data)} bytes).")
        elif options["format"] in ("xlsx", "docx"):
            raise CommandError(f"{options['format']} is binary: give a file with -o.")
        else:
            sys.stdout.flush()
            self.stdout.write(data.decode("utf-8"), ending="")
