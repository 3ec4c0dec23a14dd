"""Importing an existing budget chapter (begroting or jaarstukken) from its text.

The kernel's import framework (``core.imports``) carries it: a text that does not read as a
chapter is refused (``ChapterFormatError``, an ``ImportRefused``) with its line before anything
is written; the import runs in one transaction (``import_transaction``), rolled back at the end
of a dry run, and a real import is logged as ``import.chapter``. Where the text disagrees with
what is stored (another document reported a different number, or an adopted target), it reports
a conflict and leaves the stored value alone. A published chapter keeps the table as the
document printed it.
"""

import datetime
import re
from dataclasses import dataclass, field

from django.utils.text import slugify
from django.utils.translation import gettext as _

from kennisstad.accounts.models import User
from kennisstad.core.actors import actor_of
from kennisstad.core.imports import ImportReport, import_transaction
from kennisstad.core.services import save_record
from kennisstad.core.typing import UserLike
from kennisstad.indicators.models import Comparator, Indicator, Target
from kennisstad.policy.models import Document, DocumentKind, DocumentStatus, PolicyArea

from . import chapter_import_values as values
from . import publication_events
from .chapter_table import Cell as TableCell
from .chapter_table import ChapterTable, indicator_row
from .chapter_text import ParsedChapter, parse_chapter
from .chapter_text_parts import Cell as ParsedCell
from .chapter_text_parts import Row as ParsedRow
from .models import Action, Chapter, ChapterIndicator, Section, SectionKind


@dataclass
class _Importing:
    """What this import reads, beside its report: the document the text is, and the budgets it
    only quotes (their targets were adopted too, so they are published with it)."""

    kind: str
    year: int
    quoted_documents: list[Document] = field(default_factory=list)


def import_chapter_text(
    *,
    text: str,
    user: UserLike = None,
    dry_run: bool = False,
    publish: bool = True,
    measured_on: datetime.date | None = None,
) -> ImportReport:
    """Parse and import a chapter; raises ``ChapterFormatError`` (with a line) before writing."""
    parsed = parse_chapter(text)
    report = ImportReport(kind="chapter", dry_run=dry_run)
    # Short codes, known before anything is written (the document may be new).
    document_code = f"{parsed.document_kind}-{parsed.year}"
    with import_transaction(
        report, user=user, document=document_code, policy_area=parsed.policy_field_code
    ):
        _import(parsed, report, user=user, publish=publish, measured_on=measured_on)
    return report


# --- the work -----------------------------------------------------------------------------


def default_peildatum(kind: str, year: int) -> datetime.date:
    """When a document's numbers were measured, if the document does not say: a begroting Y is
    written in the autumn of Y-1, jaarstukken Y in the spring of Y+1."""
    if kind == DocumentKind.BEGROTING:
        return datetime.date(year - 1, 10, 1)
    return datetime.date(year + 1, 4, 1)


def _import(
    parsed: ParsedChapter,
    report: ImportReport,
    *,
    user: UserLike,
    publish: bool,
    measured_on: datetime.date | None,
) -> None:
    actor = actor_of(user)
    importing = _Importing(parsed.document_kind, parsed.year)
    policy_field = _policy_field(parsed, report, actor)
    document = _document(parsed.document_kind, parsed.year, report, actor, importing)
    report.subject = f"{document} – {policy_field.code} {policy_field.title_nl}"
    peildatum = measured_on or default_peildatum(parsed.document_kind, parsed.year)
    chapter = _chapter(parsed, document, policy_field, report, actor)
    table = _import_table(parsed, importing, chapter, report, actor, peildatum)
    if publish and chapter.frozen_table is None:
        chapter.frozen_table = table.to_json()
        chapter.save(update_fields=["frozen_table"])
        publication_events.chapter_published(chapter, user=actor, via="import")
        if document.status != DocumentStatus.PUBLISHED:
            document.status = DocumentStatus.PUBLISHED
            document.published_on = document.published_on or peildatum
            save_record(instance=document, user=actor, expected_version=document.version)
            publication_events.document_step(
                document, user=actor, step="published", via="import", chapter=chapter.pk
            )
    # Budgets this import knows only from being quoted were published too. Neither is adopted:
    # only the council's recorded decision (``cycle_services.adopt_document``) freezes targets.
    for quoted in importing.quoted_documents:
        if quoted.status != DocumentStatus.PUBLISHED and not quoted.chapters.exists():
            quoted.status = DocumentStatus.PUBLISHED
            save_record(instance=quoted, user=actor, expected_version=quoted.version)
            publication_events.document_step(
                quoted, user=actor, step="published", via="quoted", quoted_by=document.pk
            )


def _policy_field(parsed: ParsedChapter, report: ImportReport, user: User | None) -> PolicyArea:
    parts = parsed.policy_field_code.split(".")
    parent = None
    for depth in range(1, len(parts) + 1):
        code = ".".join(parts[:depth])
        area = PolicyArea.objects.filter(code=code).first()
        if area is None:
            title = _area_title(parsed, code, depth, len(parts))
            area = PolicyArea(code=code, title_nl=title, parent=parent)
            save_record(instance=area, user=user)
            report.created.append(
                (
                    _("policy area %(code)s %(title)s (title still to be filled in)")
                    if title == code
                    else _("policy area %(code)s %(title)s")
                )
                % {"code": code, "title": title}
            )
        elif depth == len(parts) and _normalised(area.title_nl) != _normalised(
            parsed.policy_field_title
        ):
            report.conflict(
                _("policy field %(code)s: stored title “%(stored)s”, the document says “%(new)s”")
                % {"code": code, "stored": area.title_nl, "new": parsed.policy_field_title},
                line=parsed.policy_field_line,
            )
        parent = area
    assert parent is not None  # a code has at least one part
    return parent


def _area_title(parsed: ParsedChapter, code: str, depth: int, depths: int) -> str:
    """The policy field's and the programme's titles are in the text; a sub-programme's not."""
    if depth == depths:
        return parsed.policy_field_title
    if depth == 1 and parsed.programme_title:
        return parsed.programme_title
    return code


def _document(
    kind: str, year: int, report: ImportReport, user: User | None, importing: _Importing
) -> Document:
    document, created = Document.objects.get_or_create(
        kind=kind, year=year, defaults={"imported": True, "updated_by": user if user else None}
    )
    if created:
        report.created.append(_("document %(document)s") % {"document": document})
        if document.kind == DocumentKind.BEGROTING and (document.year, document.kind) != (
            importing.year,
            importing.kind,
        ):
            importing.quoted_documents.append(document)
    return document


def _normalised(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip().lower()


# --- the chapter's text -------------------------------------------------------------------


def _chapter(
    parsed: ParsedChapter,
    document: Document,
    policy_field: PolicyArea,
    report: ImportReport,
    actor: User | None,
) -> Chapter:
    """The chapter with its text; a published chapter's text stands (a difference is a
    conflict)."""
    chapter = Chapter.objects.filter(document=document, policy_area=policy_field).first()
    if chapter is None:
        chapter = Chapter(document=document, policy_area=policy_field)
        report.created.append(
            _("chapter %(code)s in %(document)s")
            % {"code": policy_field.code, "document": document}
        )
    text_before = _chapter_text(chapter) if chapter.pk else None
    if chapter.frozen_table is not None and text_before is not None:
        if _parsed_text(parsed) != text_before:
            report.conflict(
                _(
                    "the text of the published chapter differs from the stored one; "
                    "the stored text is kept"
                )
            )
        else:
            report.unchanged.append(_("chapter text"))
        return chapter
    chapter.indicator_note_nl = parsed.indicator_note
    save_record(
        instance=chapter, user=actor, expected_version=chapter.version if chapter.pk else None
    )
    _replace_text(chapter, parsed, actor)
    if text_before is not None:
        (report.unchanged if text_before == _parsed_text(parsed) else report.changed).append(
            _("chapter text")
        )
    return chapter


def _parsed_text(parsed: ParsedChapter) -> list[tuple[str, ...] | tuple[str, list[str]]]:
    return [
        ("introduction", "", "\n\n".join(parsed.introduction)),
        *[
            (section.kind, section.heading, "\n\n".join(section.paragraphs))
            for section in parsed.sections
        ],
        ("actions", [bullet for section in parsed.sections for bullet in section.bullets]),
    ]


def _chapter_text(chapter: Chapter) -> list[tuple[str, ...] | tuple[str, list[str]]]:
    sections = list(chapter.sections.order_by("order", "id"))
    intro = next((s.body_nl for s in sections if s.kind == SectionKind.INTRODUCTION), "")
    return [
        ("introduction", "", intro),
        *[
            (s.kind, s.heading_nl, s.body_nl)
            for s in sections
            if s.kind != SectionKind.INTRODUCTION
        ],
        ("actions", [action.text_nl for action in chapter.actions.order_by("order", "id")]),
    ]


def _replace_text(chapter: Chapter, parsed: ParsedChapter, actor: User | None) -> None:
    chapter.sections.all().delete()
    chapter.actions.all().delete()
    order = 0
    if parsed.introduction:
        Section.objects.create(
            chapter=chapter,
            kind=SectionKind.INTRODUCTION,
            body_nl="\n\n".join(parsed.introduction),
            order=order,
            updated_by=actor,
        )
    for section in parsed.sections:
        order += 1
        Section.objects.create(
            chapter=chapter,
            kind=section.kind,
            heading_nl=section.heading,
            body_nl="\n\n".join(section.paragraphs),
            order=order,
            updated_by=actor,
        )
    bullets = [bullet for section in parsed.sections for bullet in section.bullets]
    for number, bullet in enumerate(bullets):
        Action.objects.create(chapter=chapter, text_nl=bullet, order=number, updated_by=actor)


# --- the indicator table ------------------------------------------------------------------


def _import_table(
    parsed: ParsedChapter,
    importing: _Importing,
    chapter: Chapter,
    report: ImportReport,
    actor: User | None,
    peildatum: datetime.date,
) -> ChapterTable:
    """Every row's indicator, realisations and targets; the table as the document printed it,
    each cell pointing at the record that holds its value."""
    document, policy_field = chapter.document, chapter.policy_area
    existing = {
        _normalised(indicator.name_nl): indicator
        for indicator in Indicator.objects.filter(policy_area=policy_field)
    }
    judged = parsed.document_kind == DocumentKind.JAARSTUKKEN
    rows = []
    for order, row in enumerate(parsed.rows):
        indicator = existing.get(_normalised(row.name))
        if indicator is None:
            indicator = _new_indicator(row, order, policy_field, report, actor)
            existing[_normalised(row.name)] = indicator
        ChapterIndicator.objects.get_or_create(
            chapter=chapter, indicator=indicator, defaults={"order": order}
        )
        cells = tuple(
            _import_cell(importing, indicator, cell, document, report, actor, peildatum)
            for cell in row.cells
        )
        met = _met_as_printed(row, parsed.year) if judged else None
        rows.append(indicator_row(indicator, cells, judged=judged, met=met))
    columns = tuple(column.table_column for column in parsed.columns)
    return ChapterTable(columns=columns, rows=tuple(rows))


def _import_cell(
    importing: _Importing,
    indicator: Indicator,
    cell: ParsedCell,
    document: Document,
    report: ImportReport,
    actor: User | None,
    peildatum: datetime.date,
) -> TableCell:
    if cell.column.is_realisation:
        return values.import_realisation(indicator, cell, document, peildatum, report, actor)
    set_in = _set_in(importing, cell.column.year, document, report, actor)
    return values.import_target(indicator, cell, set_in, document, report, actor)


def _new_indicator(
    row: ParsedRow, order: int, policy_field: PolicyArea, report: ImportReport, actor: User | None
) -> Indicator:
    """An indicator the registry does not know yet, measured from its first printed value."""
    first_measured = next(
        (
            cell.column.year
            for cell in row.cells
            if cell.column.is_realisation and not cell.value.is_dash
        ),
        None,
    )
    indicator = Indicator(
        code=_indicator_code(policy_field, row.name),
        name_nl=row.name,
        policy_area=policy_field,
        measured_from=first_measured,
        order=order,
    )
    save_record(instance=indicator, user=actor)
    report.created.append(_("indicator “%(name)s”") % {"name": row.name})
    return indicator


def _indicator_code(policy_field: PolicyArea, name: str) -> str:
    base = slugify(f"{policy_field.code.replace('.', '-')} {name}")[:110] or "indicator"
    code, number = base, 2
    while Indicator.objects.filter(code=code).exists():
        code, number = f"{base}-{number}", number + 1
    return code


def _set_in(
    importing: _Importing, year: int, document: Document, report: ImportReport, actor: User | None
) -> Document:
    """The begroting that set a printed target: this one for its own year, else the begroting
    of the target's year (recorded, if unknown, as quoted)."""
    if importing.kind == DocumentKind.BEGROTING and year == importing.year:
        return document
    return _document(DocumentKind.BEGROTING, year, report, actor, importing)


def _met_as_printed(row: ParsedRow, year: int) -> bool | None:
    """Whether the jaarstukken's own numbers meet its own printed target for ``year``."""
    target = next(
        (c for c in row.cells if not c.column.is_realisation and c.column.year == year), None
    )
    realised = next(
        (c for c in row.cells if c.column.is_realisation and c.column.year == year), None
    )
    if target is None or realised is None or target.value.is_dash or realised.value.value is None:
        return None
    printed = Target(
        comparator=target.value.comparator or Comparator.EQUAL,
        value=target.value.value,
        value_high=target.value.value_high,
    )
    return printed.is_met_by(realised.value.value)
