"""``kennisstad import-begroting FILE [--dry-run]``: read an existing budget chapter; a text that
does not read as a chapter is refused with its line and nothing is written."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from kennisstad.core.imports import ImportRefused, refused_command
from kennisstad.core.text_input import TextInputError, read_source
from kennisstad.planning.chapter_import import import_chapter_text


class Command(BaseCommand):
    help = (
        "Import a begroting or jaarstukken chapter from plain text (one table cell per line). "
        "Creates or updates the policy area, document, sections, actions, indicators, targets "
        "and realisations, and reports what it created, changed and where it disagrees."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the chapter as a UTF-8 text file")
        parser.add_argument(
            "--dry-run", action="store_true", help="report what would happen; write nothing"
        )
        parser.add_argument(
            "--draft",
            action="store_true",
            help="keep the document as a draft instead of recording it as adopted (published)",
        )
        parser.add_argument(
            "--peildatum",
            type=datetime.date.fromisoformat,
            help="when the document's numbers were measured (YYYY-MM-DD); default: autumn "
            "before a begroting, spring after jaarstukken",
        )
        parser.add_argument("--language", choices=["nl", "en"], default="nl")

    def handle(self, *args, **options):
        path = options["file"]
        try:
            text = read_source(path, max_bytes=2_000_000)
        except TextInputError as exc:
            raise CommandError(str(exc)) from exc
        with translation.override(options["language"]):
            try:
                report = import_chapter_text(
                    text=text,
                    dry_run=options["dry_run"],
                    publish=not options["draft"],
                    measured_on=options["peildatum"],
                )
            except ImportRefused as exc:
                raise refused_command(self, path, exc) from exc
            for line in report.lines():
                self.stdout.write(line)
