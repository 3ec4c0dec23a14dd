"""Importing a published P&C document (``document_parts.PrintedDocument``, read by
``document_reader`` from whatever it was published as): every chapter with its text, its
indicators, its values (each with this document as its source) and its tables as printed.

The import records what the document prints; it adopts nothing: no status, no adoption date,
no frozen table (the cycle does that, with a council decision). ``atomic=True`` writes all
chapters in one transaction and a refused chapter refuses the whole document; otherwise each
chapter is its own transaction and a refused chapter is listed in the report's ``refusals``
with its line, the others are written. A dry run writes nothing either way. One report for the
whole document; a real import is logged as ``import.document``.
"""

import datetime
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kennisstad.accounts.models import User
from kennisstad.core.actors import actor_of
from kennisstad.core.events import log_event_on_commit
from kennisstad.core.imports import ImportProblem, ImportRefused, ImportReport
from kennisstad.core.services import save_record
from kennisstad.core.typing import UserLike
from kennisstad.policy.models import Document, DocumentKind, DocumentStatus

from .chapter_text_parts import ChapterFormatError
from .document_import_chapter import chapter_name, import_chapter
from .document_import_values import Importing
from .document_parts import PrintedChapter, PrintedDocument
from .finance_services import freeze_finances

__all__ = ["combine_reports", "default_peildatum", "import_document"]

REPORT_LISTS = ("created", "changed", "unchanged", "conflicts", "skipped")


@dataclass
class _Counted:
    """What the import wrote or confirmed, over all its chapters."""

    chapters: int = 0
    indicators: set[int] = field(default_factory=set)  # Indicator pks
    values: int = 0


def default_peildatum(kind: str, year: int) -> datetime.date:
    """When a document's numbers were measured, if the document does not say: a begroting Y is
    written in the autumn of Y-1, jaarstukken Y in the spring of Y+1 (never after today)."""
    if kind == DocumentKind.BEGROTING:
        day = datetime.date(year - 1, 10, 1)
    else:
        day = datetime.date(year + 1, 4, 1)
    return min(day, timezone.localdate())


def import_document(
    *,
    printed: PrintedDocument,
    user: UserLike = None,
    dry_run: bool = False,
    atomic: bool = False,
    published_on: datetime.date | None = None,
    measured_on: datetime.date | None = None,
) -> ImportReport:
    """Raises ``ImportRefused`` when the document cannot be imported at all (which document it
    is unknown, a peildatum in the future) or, with ``atomic``, when any chapter is refused."""
    kind, year = _which(printed)
    if measured_on is not None and measured_on > timezone.localdate():
        raise ImportRefused(_("The peildatum cannot lie in the future."))
    report = ImportReport(kind="document", dry_run=dry_run, subject=_document_name(kind, year))
    peildatum = measured_on or default_peildatum(kind, year)
    actor = actor_of(user)
    counted = _Counted()
    with _outer(report, whole=atomic or dry_run):
        for chapter in printed.chapters:
            with _chapter_transaction(report, chapter, refuse_all=atomic):
                if chapter.refused is not None:  # read chapter by chapter, and refused
                    raise chapter.refused
                document = _document(kind, year, published_on, report, actor)
                importing = Importing(document, report, actor, peildatum)
                result = import_chapter(chapter, importing)
                counted.chapters += 1
                counted.indicators |= result.indicators
                counted.values += importing.values
        _figures(report, counted)
        if not dry_run:
            _freeze_finances_of_published(kind, year)
            log_event_on_commit(
                "import.document",
                user=user,
                kind=kind,
                year=year,
                chapters=counted.chapters,
                indicators=len(counted.indicators),
                values=counted.values,
                refusals=len(report.refusals),
                atomic=atomic,
                **report.counts(),
            )
    return report


def _freeze_finances_of_published(kind: str, year: int) -> None:
    """An imported document is published as the municipality published it: its finance tables
    freeze then, as an adopted document's do at adoption."""
    document = Document.objects.filter(kind=kind, year=year).first()
    if document is not None and document.status == DocumentStatus.PUBLISHED:
        freeze_finances(document)


def _which(printed: PrintedDocument) -> tuple[str, int]:
    if printed.kind not in DocumentKind.values or printed.year is None:
        raise ChapterFormatError(
            printed.title_line or 1,
            _(
                "The text does not say which document it is; give its kind (begroting or "
                "jaarstukken) and its year."
            ),
        )
    return printed.kind, printed.year


def _document_name(kind: str, year: int) -> str:
    return str(Document(kind=kind, year=year))


@contextmanager
def _outer(report: ImportReport, *, whole: bool) -> Iterator[None]:
    """One transaction around everything for an atomic import or a dry run (rolled back);
    none otherwise, so each chapter commits on its own."""
    if not whole:
        yield
        return
    with transaction.atomic():
        yield
        if report.dry_run:
            transaction.set_rollback(True)


@contextmanager
def _chapter_transaction(
    report: ImportReport, chapter: PrintedChapter, *, refuse_all: bool
) -> Iterator[None]:
    """A chapter's writes: refused, they are rolled back and listed (or, with ``refuse_all``,
    refuse the whole document)."""
    lengths = {name: len(getattr(report, name)) for name in REPORT_LISTS}
    try:
        with transaction.atomic():
            yield
    except ImportRefused as refused:
        if refuse_all:
            raise
        for name, length in lengths.items():  # the refused chapter's lines are void too
            del getattr(report, name)[length:]
        for problem in refused.problems:
            report.refuse(
                ImportProblem(
                    _("chapter %(chapter)s: %(reason)s")
                    % {"chapter": chapter_name(chapter), "reason": problem.message},
                    line=problem.line if problem.line is not None else chapter.line,
                )
            )


def _document(
    kind: str,
    year: int,
    published_on: datetime.date | None,
    report: ImportReport,
    actor: User | None,
) -> Document:
    """The document the text is: marked imported and, as the municipality published it,
    gepubliceerd (on the date given, if any; a draft only, a document further in the cycle keeps
    its status). Never adopted: that takes the council decision the cycle records (ADR 11)."""
    document = Document.objects.filter(kind=kind, year=year).first()
    if document is None:
        document = Document(kind=kind, year=year)
        report.created.append(_("document %(document)s") % {"document": document})
    unchanged = document.status != DocumentStatus.DRAFT and published_on in (
        None,
        document.published_on,
    )
    if document.pk and document.imported and unchanged:
        return document
    document.imported = True
    if document.status == DocumentStatus.DRAFT:
        document.status = DocumentStatus.PUBLISHED
    if published_on is not None:
        document.published_on = published_on
    save_record(
        instance=document,
        user=actor,
        expected_version=document.version if document.pk else None,
    )
    return document


def _figures(report: ImportReport, counted: _Counted) -> None:
    report.figures = {
        _("chapters"): counted.chapters,
        _("indicators"): len(counted.indicators),
        _("values"): counted.values,
    }


def combine_reports(reports: list[ImportReport], *, dry_run: bool) -> ImportReport:
    """One report for several documents (a folder): every list joined, the figures added."""
    combined = ImportReport(kind="document", dry_run=dry_run)
    combined.subject = ", ".join(report.subject for report in reports if report.subject)
    for report in reports:
        for name in (*REPORT_LISTS, "refusals"):
            getattr(combined, name).extend(getattr(report, name))
        for label, count in report.figures.items():
            combined.figures[label] = combined.figures.get(label, 0) + count
    return combined
