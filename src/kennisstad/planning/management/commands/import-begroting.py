"""``kennisstad import-begroting FILE|FOLDER [--kind K] [--year Y] [--dry-run] [--atomic] ...``:
import published P&C documents (a chapter, a deelprogramma page, a whole document; text,
Markdown, HTML, .docx, PDF) with one report. A folder imports every file it can read, in name
order. Without ``--atomic`` a file or chapter that is refused is listed with its line and the
rest is written; with it, any refusal writes nothing. A refusal ends with a non-zero exit."""

import datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from kennisstad.core.imports import ImportProblem, ImportRefused, ImportReport, refused_command
from kennisstad.planning.document_import import combine_reports, import_document
from kennisstad.planning.document_reading import MAX_BYTES, SUFFIXES, read_file
from kennisstad.policy.models import DocumentKind


class Command(BaseCommand):
    help = (
        "Import a begroting or jaarstukken (a chapter, several chapters or a whole document, "
        "as .txt, .md, .html, .docx or .pdf), or every such file in a folder. Creates or "
        "updates the policy fields, chapters, indicators and their values (each with this "
        "document as its source) and reports what it did and where documents disagree. "
        "Adopts nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="a document file, or a folder of them")
        parser.add_argument(
            "--kind",
            choices=[DocumentKind.BEGROTING, DocumentKind.JAARSTUKKEN],  # what the reader reads
            help="which document it is, when the text does not say",
        )
        parser.add_argument("--year", type=int, help="its year, when the text does not say")
        parser.add_argument(
            "--dry-run", action="store_true", help="report what would happen; write nothing"
        )
        parser.add_argument(
            "--atomic",
            action="store_true",
            help="all or nothing: any refused chapter or file refuses everything",
        )
        parser.add_argument(
            "--accept-unreadable",
            action="store_true",
            help="import a document with unreadable numbers, storing no value for them",
        )
        parser.add_argument(
            "--published-on",
            type=datetime.date.fromisoformat,
            help="when the document was published (YYYY-MM-DD); not an adoption date",
        )
        parser.add_argument(
            "--peildatum",
            type=datetime.date.fromisoformat,
            help="when the document's numbers were measured (YYYY-MM-DD); default: autumn "
            "before a begroting, spring after jaarstukken",
        )
        parser.add_argument("--language", choices=["nl", "en"], default="nl")

    def handle(self, *args, **options):
        with translation.override(options["language"]):
            files = _files(Path(options["file"]))
            if options["dry_run"] or options["atomic"]:
                with transaction.atomic():
                    report = self._import_all(files, options)
                    transaction.set_rollback(options["dry_run"])
            else:
                report = self._import_all(files, options)
            for line in report.lines():
                self.stdout.write(line)
            if report.refusals:
                raise CommandError(report.summary())

    def _import_all(self, files: list[Path], options) -> ImportReport:
        reports = []
        for path in files:
            try:
                reports.append(self._import_one(path, options))
            except ImportRefused as refused:
                if options["atomic"] or len(files) == 1:
                    raise refused_command(self, str(path), refused) from refused
                reports.append(_refused(path, refused))
        return combine_reports(reports, dry_run=options["dry_run"])

    def _import_one(self, path: Path, options) -> ImportReport:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ImportRefused(exc.strerror or str(exc)) from exc
        if len(data) > MAX_BYTES:
            raise ImportRefused(
                _("The file is larger than %(size)s MB.") % {"size": MAX_BYTES // 1_000_000}
            )
        printed = read_file(
            data,
            path.name,
            kind=options["kind"],
            year=options["year"],
            accept_unreadable=options["accept_unreadable"],
            per_chapter=not options["atomic"],
        )
        # A dry run is rolled back by ``handle`` as a whole, so later files see earlier ones.
        return import_document(
            printed=printed,
            atomic=options["atomic"],
            published_on=options["published_on"],
            measured_on=options["peildatum"],
        )


def _files(path: Path) -> list[Path]:
    if not path.is_dir():
        return [path]
    files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in SUFFIXES)
    if not files:
        raise CommandError(
            _("%(folder)s holds no file to import (%(suffixes)s).")
            % {"folder": path, "suffixes": ", ".join(SUFFIXES)}
        )
    return files


def _refused(path: Path, refused: ImportRefused) -> ImportReport:
    """A file of a folder that could not be imported: its refusal, the others go on."""
    report = ImportReport(kind="document")
    for problem in refused.problems:
        report.refuse(
            ImportProblem(f"{path.name}: {problem.message}", line=problem.line, row=problem.row)
        )
    return report
