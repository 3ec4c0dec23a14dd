"""Writes for planning & control: importing an existing chapter, publishing a document.

An import runs in one transaction and either writes everything or nothing; with ``dry_run`` it
reports what it would do and rolls back. Where the text disagrees with what is stored (another
document reported a different number, or an adopted target), it reports a conflict and leaves
the stored value alone.
"""

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext as _

from kennisstad.accounts.models import User
from kennisstad.core.actors import actor_of
from kennisstad.core.services import save_record
from kennisstad.core.typing import UserLike
from kennisstad.indicators.formatting import format_number
from kennisstad.indicators.models import Comparator, Indicator, Origin, Realisation, Target
from kennisstad.policy.models import Document, DocumentKind, DocumentStatus, PolicyArea

from .chapter_text import Cell, ParsedChapter, Row, parse_chapter
from .models import Action, Chapter, ChapterIndicator, Section, SectionKind
from .selectors import live_table


@dataclass
class ImportReport:
    document: str = ""
    created: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    dry_run: bool = False
    importing_kind: str = ""
    importing_year: int = 0
    quoted_documents: list[Document] = field(default_factory=list)

    def lines(self) -> list[str]:
        dry_run = _("Dry run: nothing was written.") + " " if self.dry_run else ""
        out = [f"{dry_run}{self.document}"]
        for title, items in (
            (_("Created"), self.created),
            (_("Changed"), self.changed),
            (_("Conflicts (stored values kept)"), self.conflicts),
        ):
            if items:
                out.append(f"{title}:")
                out.extend(f"  - {item}" for item in items)
        out.append(_("Unchanged: %(count)s") % {"count": len(self.unchanged)})
        return out


class _DryRunRollback(Exception):
    pass


def default_peildatum(kind: str, year: int) -> datetime.date:
    """When a document's numbers were measured, if the document does not say: a begroting Y is
    written in the autumn of Y-1, jaarstukken Y in the spring of Y+1."""
    if kind == DocumentKind.BEGROTING:
        return datetime.date(year - 1, 10, 1)
    return datetime.date(year + 1, 4, 1)


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
    report = ImportReport(
        dry_run=dry_run, importing_kind=parsed.document_kind, importing_year=parsed.year
    )
    try:
        with transaction.atomic():
            _import(parsed, report, user=user, publish=publish, measured_on=measured_on)
            if dry_run:
                raise _DryRunRollback
    except _DryRunRollback:
        pass
    return report


def _policy_field(parsed: ParsedChapter, report: ImportReport, user: User | None) -> PolicyArea:
    parts = parsed.policy_field_code.split(".")
    parent = None
    for depth in range(1, len(parts) + 1):
        code = ".".join(parts[:depth])
        area = PolicyArea.objects.filter(code=code).first()
        if area is None:
            if depth == len(parts):
                title = parsed.policy_field_title
            elif depth == 1 and parsed.programme_title:
                title = parsed.programme_title
            else:
                title = code
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
            report.conflicts.append(
                _("policy field %(code)s: stored title “%(stored)s”, the document says “%(new)s”")
                % {"code": code, "stored": area.title_nl, "new": parsed.policy_field_title}
            )
        parent = area
    assert parent is not None  # a code has at least one part
    return parent


def _document(kind: str, year: int, report: ImportReport, user: User | None) -> Document:
    document, created = Document.objects.get_or_create(
        kind=kind, year=year, defaults={"imported": True, "updated_by": user if user else None}
    )
    if created:
        report.created.append(_("document %(document)s") % {"document": document})
        if document.kind == DocumentKind.BEGROTING and (document.year, document.kind) != (
            report.importing_year,
            report.importing_kind,
        ):
            report.quoted_documents.append(document)
    return document


def _indicator_code(policy_field: PolicyArea, name: str) -> str:
    base = slugify(f"{policy_field.code.replace('.', '-')} {name}")[:110] or "indicator"
    code, number = base, 2
    while Indicator.objects.filter(code=code).exists():
        code, number = f"{base}-{number}", number + 1
    return code


def _normalised(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip().lower()


def _import(
    parsed: ParsedChapter,
    report: ImportReport,
    *,
    user: UserLike,
    publish: bool,
    measured_on: datetime.date | None,
) -> None:
    actor = actor_of(user)
    policy_field = _policy_field(parsed, report, actor)
    document = _document(parsed.document_kind, parsed.year, report, actor)
    report.document = f"{document} – {policy_field.code} {policy_field.title_nl}"
    peildatum = measured_on or default_peildatum(parsed.document_kind, parsed.year)

    chapter = Chapter.objects.filter(document=document, policy_area=policy_field).first()
    if chapter is None:
        chapter = Chapter(document=document, policy_area=policy_field)
        report.created.append(
            _("chapter %(code)s in %(document)s")
            % {"code": policy_field.code, "document": document}
        )
    text_before = _chapter_text(chapter) if chapter.pk else None
    if chapter.frozen_table is not None and text_before is not None:
        new_text = _parsed_text(parsed)
        if new_text != text_before:
            report.conflicts.append(
                _(
                    "the text of the published chapter differs from the stored one; "
                    "the stored text is kept"
                )
            )
        else:
            report.unchanged.append(_("chapter text"))
    else:
        chapter.indicator_note_nl = parsed.indicator_note
        save_record(
            instance=chapter, user=actor, expected_version=chapter.version if chapter.pk else None
        )
        _replace_text(chapter, parsed, actor)
        if text_before is not None:
            (report.unchanged if text_before == _parsed_text(parsed) else report.changed).append(
                _("chapter text")
            )

    existing = {
        _normalised(indicator.name_nl): indicator
        for indicator in Indicator.objects.filter(policy_area=policy_field)
    }
    frozen_rows = []
    for order, row in enumerate(parsed.rows):
        indicator = existing.get(_normalised(row.name))
        first_measured = next(
            (
                cell.column.year
                for cell in row.cells
                if cell.column.is_realisation and not cell.value.is_dash
            ),
            None,
        )
        if indicator is None:
            indicator = Indicator(
                code=_indicator_code(policy_field, row.name),
                name_nl=row.name,
                policy_area=policy_field,
                measured_from=first_measured,
                order=order,
            )
            save_record(instance=indicator, user=actor)
            existing[_normalised(row.name)] = indicator
            report.created.append(_("indicator “%(name)s”") % {"name": row.name})
        ChapterIndicator.objects.get_or_create(
            chapter=chapter, indicator=indicator, defaults={"order": order}
        )
        cells = []
        for cell in row.cells:
            column = cell.column
            if column.is_realisation:
                cells.append(
                    _import_realisation(indicator, cell, document, peildatum, report, actor)
                )
            else:
                set_in_year = column.year
                set_in = (
                    document
                    if parsed.document_kind == DocumentKind.BEGROTING and set_in_year == parsed.year
                    else _document(DocumentKind.BEGROTING, set_in_year, report, actor)
                )
                cells.append(_import_target(indicator, cell, set_in, document, report, actor))
        frozen_row = {
            "indicator": indicator.pk,
            "code": indicator.code,
            "name_nl": indicator.name_nl,
            "name_en": indicator.name_en,
            "cells": cells,
        }
        if parsed.document_kind == DocumentKind.JAARSTUKKEN:
            frozen_row["met"] = _met_as_printed(row, parsed.year)
            frozen_row["explanation"] = ""
        frozen_rows.append(frozen_row)

    if publish and chapter.frozen_table is None:
        chapter.frozen_table = {
            "columns": [
                {
                    "kind": "realisation" if c.is_realisation else "target",
                    "year": c.year,
                    "label": c.label,
                }
                for c in parsed.columns
            ],
            "rows": frozen_rows,
        }
        chapter.save(update_fields=["frozen_table"])
        if document.status != DocumentStatus.PUBLISHED:
            document.status = DocumentStatus.PUBLISHED
            document.published_on = document.published_on or peildatum
            save_record(instance=document, user=actor, expected_version=document.version)
    # Budgets this import knows only from being quoted were adopted too: their targets freeze.
    for quoted in report.quoted_documents:
        if quoted.status != DocumentStatus.PUBLISHED and not quoted.chapters.exists():
            quoted.status = DocumentStatus.PUBLISHED
            save_record(instance=quoted, user=actor, expected_version=quoted.version)


def _import_note(document: Document, line: int) -> str:
    """Stored with the value, in the language of the documents."""
    with translation.override("nl"):
        return gettext("Imported from %(document)s, line %(line)s.") % {
            "document": document,
            "line": line,
        }


def _met_as_printed(row: Row, year: int) -> bool | None:
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


def _import_realisation(
    indicator: Indicator,
    cell: Cell,
    document: Document,
    peildatum: datetime.date,
    report: ImportReport,
    actor: User | None,
) -> dict[str, Any]:
    year, value = cell.column.year, cell.value
    base = {"kind": "realisation", "year": year, "text": value.text, "value": None}
    if value.is_dash:
        return {**base, "reason": "no_data"}
    stored_same_source = Realisation.objects.filter(
        indicator=indicator, year=year, source_document=document
    ).first()
    label = f"“{indicator.name_nl}” {cell.column.title}"
    if stored_same_source is not None:
        new_text = value.text if value.comparator == "text" else ""
        if stored_same_source.value == value.value and stored_same_source.display_text == new_text:
            report.unchanged.append(label)
        else:
            stored_text = stored_same_source.display_text or format_number(
                stored_same_source.value, decimals=indicator.decimals
            )
            report.conflicts.append(
                _(
                    "%(label)s: stored %(stored)s from this document, "
                    "the text now says “%(new)s” (line %(line)s)"
                )
                % {"label": label, "stored": stored_text, "new": value.text, "line": cell.line}
            )
        realisation = stored_same_source
    else:
        others = (
            Realisation.objects.filter(indicator=indicator, year=year)
            .exclude(source_document=document)
            .select_related("source_document")
        )
        for other in others:
            if other.value != value.value:
                where = other.source_document or other.get_origin_display()
                other_text = other.display_text or format_number(
                    other.value, decimals=indicator.decimals
                )
                report.conflicts.append(
                    _(
                        "%(label)s: %(document)s says %(new)s (line %(line)s), %(other)s says "
                        "%(stored)s (peildatum %(measured_on)s); both are kept with their source"
                    )
                    % {
                        "label": label,
                        "document": document,
                        "new": value.text,
                        "line": cell.line,
                        "other": where,
                        "stored": other_text,
                        "measured_on": f"{other.measured_on:%d-%m-%Y}",
                    }
                )
                break
        realisation = Realisation(
            indicator=indicator,
            year=year,
            value=value.value,
            display_text=value.text if value.comparator == "text" else "",
            origin=Origin.IMPORTED,
            measured_on=peildatum,
            source_document=document,
            note=_import_note(document, cell.line),
        )
        save_record(instance=realisation, user=actor)
        report.created.append(
            _("realisation %(label)s = %(value)s") % {"label": label, "value": value.text}
        )
    return {
        **base,
        "value": None if value.value is None else str(value.value),
        "percentage": value.percentage,
        "textual": value.comparator == "text",
        "record": realisation.pk,
        "origin": realisation.origin,
        "measured_on": realisation.measured_on.isoformat(),
        "source": str(document),
    }


def _import_target(
    indicator: Indicator,
    cell: Cell,
    set_in: Document,
    document: Document,
    report: ImportReport,
    actor: User | None,
) -> dict[str, Any]:
    year, value = cell.column.year, cell.value
    base = {"kind": "target", "year": year, "text": value.text, "value": None}
    if value.is_dash:
        return {**base, "reason": "no_target"}
    label = f"“{indicator.name_nl}” {cell.column.title}"
    comparator = value.comparator or Comparator.EQUAL
    stored = Target.objects.filter(indicator=indicator, year=year, set_in=set_in).first()
    if stored is not None:
        if stored.display_text == value.text or (
            stored.comparator == comparator and stored.value == value.value
        ):
            report.unchanged.append(label)
        else:
            report.conflicts.append(
                _(
                    "%(label)s: %(set_in)s adopted “%(stored)s”, %(document)s prints “%(new)s” "
                    "(line %(line)s); the adopted target is kept"
                )
                % {
                    "label": label,
                    "set_in": set_in,
                    "stored": stored.display_text,
                    "document": document,
                    "new": value.text,
                    "line": cell.line,
                }
            )
        target = stored
    else:
        target = Target(
            indicator=indicator,
            year=year,
            comparator=comparator,
            value=value.value,
            value_high=value.value_high,
            display_text=value.text,
            set_in=set_in,
            source_document=document if document != set_in else None,
            note=_import_note(document, cell.line),
        )
        # Recording a target an existing, adopted document set: not an edit, so not refused.
        save_record(instance=target, user=actor)
        report.created.append(
            _("target %(label)s %(value)s") % {"label": label, "value": value.text}
        )
    return {
        **base,
        "value": None if value.value is None else str(value.value),
        "record": target.pk,
        "comparator": target.comparator,
        "set_in": str(set_in),
    }


def _parsed_text(parsed: ParsedChapter) -> list[tuple[object, ...]]:
    return [
        ("introduction", "", "\n\n".join(parsed.introduction)),
        *[
            (section.kind, section.heading, "\n\n".join(section.paragraphs))
            for section in parsed.sections
        ],
        ("actions", [bullet for section in parsed.sections for bullet in section.bullets]),
    ]


def _chapter_text(chapter: Chapter) -> list[tuple[object, ...]]:
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


@transaction.atomic
def publish_document(
    *, document: Document, user: UserLike, expected_version: int | None = None
) -> Document:
    """Adopt a document: every chapter's indicator table is frozen as it stands now, the values
    it reports are pinned to it (so they can no longer be edited or recomputed in place), and
    the targets it set can no longer change. A document is adopted once."""
    if Document.objects.filter(pk=document.pk, status=DocumentStatus.PUBLISHED).exists():
        raise ValidationError(_("%(document)s was already published.") % {"document": document})
    for chapter in document.chapters.select_for_update().prefetch_related("table_rows__indicator"):
        if chapter.frozen_table is None:
            chapter.frozen_table = live_table(chapter)
            chapter.save(update_fields=["frozen_table"])
        shown = [
            cell["record"]
            for row in chapter.frozen_table["rows"]
            for cell in row["cells"]
            if cell.get("kind") == "realisation" and cell.get("record")
        ]
        Realisation.objects.filter(pk__in=shown, source_document__isnull=True).update(
            source_document=document
        )
    document.status = DocumentStatus.PUBLISHED
    document.published_on = timezone.localdate()
    return save_record(
        instance=document,
        user=user,
        expected_version=document.version if expected_version is None else expected_version,
    )


@transaction.atomic
def create_document(
    *, kind: str, year: int, user: UserLike, copy_from: Document | None = None
) -> Document:
    """Start a new (draft) document; with ``copy_from`` its chapters, texts, actions and
    indicator rows are copied, so next year's begroting starts from this year's."""
    document = Document(kind=kind, year=year)
    save_record(instance=document, user=user)
    if copy_from is None:
        return document
    for source in copy_from.chapters.prefetch_related(
        "sections", "actions__projects", "table_rows"
    ):
        chapter = Chapter(
            document=document,
            policy_area=source.policy_area,
            indicator_note_nl=source.indicator_note_nl,
            indicator_note_en=source.indicator_note_en,
        )
        save_record(instance=chapter, user=user)
        for section in source.sections.all():
            Section.objects.create(
                chapter=chapter,
                kind=section.kind,
                heading_nl=_heading_for(section, copy_from, kind, year, "nl"),
                heading_en=_heading_for(section, copy_from, kind, year, "en"),
                body_nl=section.body_nl,
                body_en=section.body_en,
                order=section.order,
            )
        for action in source.actions.all():
            copy = Action.objects.create(
                chapter=chapter, text_nl=action.text_nl, text_en=action.text_en, order=action.order
            )
            copy.projects.set(action.projects.all())
        ChapterIndicator.objects.bulk_create(
            ChapterIndicator(chapter=chapter, indicator_id=row.indicator_id, order=row.order)
            for row in source.table_rows.all()
        )
    return document


JAARSTUKKEN_HEADINGS: dict[str, tuple[str, str]] = {
    SectionKind.AIMS: ("Wat hebben we bereikt?", "What have we achieved?"),
    SectionKind.ACTIONS: ("Wat hebben we daarvoor gedaan?", "What have we done for it?"),
}
BEGROTING_HEADINGS: dict[str, tuple[str, str]] = {
    SectionKind.AIMS: (
        "Wat willen we bereiken in {year}?",
        "What do we want to achieve in {year}?",
    ),
    SectionKind.ACTIONS: ("Wat gaan we hiervoor doen?", "What are we going to do?"),
}


def _heading_for(section: Section, source: Document, kind: str, year: int, language: str) -> str:
    """The heading a section has in the new document: a begroting asks what we will do, the
    jaarstukken report what we did."""
    heading = section.heading_nl if language == "nl" else section.heading_en
    if kind != source.kind:
        table = JAARSTUKKEN_HEADINGS if kind == DocumentKind.JAARSTUKKEN else BEGROTING_HEADINGS
        if section.kind in table:
            return table[section.kind][0 if language == "nl" else 1].format(year=year)
    return _next_year_heading(heading, source.year, year)


def _next_year_heading(heading: str, old_year: int, new_year: int) -> str:
    """ "Wat willen we bereiken in 2018?" becomes "... in 2019?" in next year's document."""
    return heading.replace(str(old_year), str(new_year)) if heading else heading


@transaction.atomic
def save_action(
    *,
    action: Action,
    user: UserLike,
    expected_version: int | None = None,
    projects: Iterable[object] | None = None,
) -> Action:
    many = {"projects": projects} if projects is not None else None
    return save_record(
        instance=action, user=user, expected_version=expected_version, many_to_many=many
    )


@transaction.atomic
def save_section(
    *, section: Section, user: UserLike, expected_version: int | None = None
) -> Section:
    """Chapter text changes only while the document is a draft: adopted text stands."""
    if section.chapter.document.is_published:
        raise ValidationError(
            _("%(document)s is adopted; its text no longer changes.")
            % {"document": section.chapter.document}
        )
    return save_record(instance=section, user=user, expected_version=expected_version)
