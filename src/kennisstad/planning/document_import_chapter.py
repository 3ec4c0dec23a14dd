"""One chapter of an imported document: its policy field, its text (introduction, sections,
the actions from the bullets of its actions sections), its indicators and their values, and its
tables exactly as printed (``Chapter.printed_tables``, each row naming its indicator).

What is unchanged is left alone, so importing the same document again writes nothing new; an
adopted document's text and tables stand (a difference is a conflict).
"""

from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext as _

from kennisstad.core.services import save_record
from kennisstad.indicators.formatting import ParsedValue
from kennisstad.indicators.models import Indicator, IndicatorKind, Unit
from kennisstad.policy.models import Document, PolicyArea

from .chapter_text_parts import ChapterFormatError
from .document_import_areas import normalised, policy_field
from .document_import_values import ChapterValues, Importing
from .document_parts import (
    BASELINE,
    REALISATION,
    TABLE_KINDS,
    TEXT,
    PrintedCell,
    PrintedChapter,
    PrintedColumn,
    PrintedRow,
    PrintedTable,
    StoredTable,
    table_to_json,
)
from .models import Action, Chapter, ChapterIndicator, Section, SectionKind

MAX_DECIMALS = 4


@dataclass
class ChapterResult:
    chapter: Chapter
    indicators: set[int] = field(default_factory=set)  # Indicator pks of its tables


def import_chapter(printed: PrintedChapter, importing: Importing) -> ChapterResult:
    """Raises ``ChapterFormatError`` (the chapter's line and the reason) when a record it
    makes is not valid; the caller's transaction then writes nothing of it."""
    try:
        area = policy_field(printed, importing.report, importing.actor)
        chapter = _chapter(importing.document, area, printed, importing)
        _text(chapter, printed, importing)
        return _tables(chapter, printed, importing)
    except ValidationError as exc:
        raise ChapterFormatError(printed.line, " ".join(exc.messages)) from exc


def chapter_name(printed: PrintedChapter) -> str:
    return f"{printed.code} {printed.title}".strip()


def _chapter(
    document: Document, area: PolicyArea, printed: PrintedChapter, importing: Importing
) -> Chapter:
    chapter = Chapter.objects.filter(document=document, policy_area=area).first()
    if chapter is None:
        chapter = Chapter(document=document, policy_area=area)
        save_record(instance=chapter, user=importing.actor)
        importing.report.created.append(
            _("chapter %(code)s in %(document)s") % {"code": area.code, "document": document}
        )
    return chapter


# --- the text -----------------------------------------------------------------------------


def _printed_text(printed: PrintedChapter) -> list[tuple[str, str, str]]:
    """(kind, heading, body) of each section, the introduction first; the bullets of an
    actions section are its actions, other bullets stay in their section's text."""
    parts = []
    if printed.introduction:
        parts.append((SectionKind.INTRODUCTION.value, "", "\n\n".join(printed.introduction)))
    for section in printed.sections:
        paragraphs = list(section.paragraphs)
        if section.kind != SectionKind.ACTIONS:
            paragraphs += [f"• {bullet}" for bullet in section.bullets]
        parts.append((section.kind, section.heading, "\n\n".join(paragraphs)))
    return parts


def _printed_actions(printed: PrintedChapter) -> list[str]:
    return [
        bullet
        for section in printed.sections
        if section.kind == SectionKind.ACTIONS
        for bullet in section.bullets
    ]


def _text(chapter: Chapter, printed: PrintedChapter, importing: Importing) -> None:
    sections = [(s.kind, s.heading_nl, s.body_nl) for s in chapter.sections.order_by("order")]
    actions = [a.text_nl for a in chapter.actions.order_by("order", "id")]
    new_sections, new_actions = _printed_text(printed), _printed_actions(printed)
    if (sections, actions) == (new_sections, new_actions):
        if sections or actions:
            importing.report.unchanged.append(_("text of %(chapter)s") % {"chapter": chapter})
        return
    if importing.document.is_adopted and (sections or actions):
        importing.report.conflict(
            _("the text of %(chapter)s differs from the adopted one; the adopted text is kept")
            % {"chapter": chapter},
            line=printed.line,
        )
        return
    if sections or actions:
        importing.report.changed.append(_("text of %(chapter)s") % {"chapter": chapter})
    chapter.sections.all().delete()
    chapter.actions.all().delete()
    actor = importing.actor
    for order, (kind, heading, body) in enumerate(new_sections):
        Section.objects.create(
            chapter=chapter,
            kind=kind,
            heading_nl=heading,
            body_nl=body,
            order=order,
            updated_by=actor,
        )
    for order, text in enumerate(new_actions):
        Action.objects.create(chapter=chapter, text_nl=text, order=order, updated_by=actor)


# --- the tables and their indicators ------------------------------------------------------


def _tables(chapter: Chapter, printed: PrintedChapter, importing: Importing) -> ChapterResult:
    known = {
        normalised(i.name_nl): i for i in Indicator.objects.filter(policy_area=chapter.policy_area)
    }
    rows: list[tuple[PrintedTable, PrintedRow, Indicator]] = []
    for table in printed.tables:
        for row in (row for row in table.rows if not row.group):  # a group heads, no values
            indicator = known.get(normalised(row.name))
            if indicator is None:
                indicator = _new_indicator(chapter.policy_area, table, row, len(known), importing)
                known[normalised(row.name)] = indicator
            else:
                _measured_earlier(indicator, table, row, importing)
            rows.append((table, row, indicator))
    _table_rows(chapter, [indicator for _table, _row, indicator in rows])
    values = ChapterValues(importing, list({i.pk: i for *_parts, i in rows}.values()))
    for table, row, indicator in rows:
        for column, cell in zip(table.columns, row.cells, strict=False):
            values.cell(indicator, column, cell)
    values.flush()
    stored = []
    pks = iter(indicator.pk for *_parts, indicator in rows)
    for table in printed.tables:
        data = table_to_json(table)
        for row_data in data["rows"]:
            row_data["indicator"] = None if row_data.get("group") else next(pks)
        stored.append(data)
    _keep_printed(chapter, stored, printed, importing)
    return ChapterResult(chapter, {indicator.pk for *_parts, indicator in rows})


def _keep_printed(
    chapter: Chapter, tables: list[StoredTable], printed: PrintedChapter, importing: Importing
) -> None:
    note = "\n\n".join(table.note for table in printed.tables if table.note)
    if (chapter.printed_tables, chapter.indicator_note_nl) == (tables, note):
        return
    if importing.document.is_adopted and chapter.printed_tables:
        importing.report.conflict(
            _("the tables of %(chapter)s differ from the adopted ones; the adopted are kept")
            % {"chapter": chapter},
            line=printed.line,
        )
        return
    if chapter.printed_tables:
        importing.report.changed.append(_("tables of %(chapter)s") % {"chapter": chapter})
    chapter.printed_tables, chapter.indicator_note_nl = tables, note
    save_record(instance=chapter, user=importing.actor, expected_version=chapter.version)


def _table_rows(chapter: Chapter, indicators: list[Indicator]) -> None:
    linked = set(chapter.table_rows.values_list("indicator_id", flat=True))
    new, seen = [], set(linked)
    for order, indicator in enumerate(indicators):
        if indicator.pk not in seen:
            seen.add(indicator.pk)
            new.append(ChapterIndicator(chapter=chapter, indicator=indicator, order=order))
    ChapterIndicator.objects.bulk_create(new)


def _values_of(
    table: PrintedTable, row: PrintedRow, kinds: tuple[str, ...]
) -> Iterator[tuple[PrintedColumn, PrintedCell]]:
    for column, cell in zip(table.columns, row.cells, strict=False):
        if column.kind in kinds and cell.value is not None and not cell.value.is_dash:
            yield column, cell


def _in_percent(table: PrintedTable, row: PrintedRow, values: list[ParsedValue | None]) -> bool:
    """A cell prints "%", or stands under a header that says so ("Realisatie 2019 (%)")."""
    kinds = (REALISATION, BASELINE, "target")
    return any(v and v.percentage for v in values) or any(
        "%" in column.suffix for column, _cell in _values_of(table, row, kinds)
    )


def _first_measured(table: PrintedTable, row: PrintedRow) -> int | None:
    years = [
        column.year
        for column, cell in _values_of(table, row, (REALISATION, BASELINE))
        if column.year is not None and not cell.unreadable
    ]
    return min(years, default=None)


def _places(value: Decimal) -> int:
    """The decimal places of a read number (always finite: NaN and infinity are not read)."""
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) else 0


def _new_indicator(
    area: PolicyArea, table: PrintedTable, row: PrintedRow, order: int, importing: Importing
) -> Indicator:
    """An indicator the registry does not know yet: its kind from the table, its source from
    a Bron column, a percentage when its cells print one, measured from its first value."""
    values = [
        cell.value for _column, cell in _values_of(table, row, (REALISATION, BASELINE, "target"))
    ]
    decimals = max(
        (_places(v.value) for v in values if v and v.value is not None),
        default=0,
    )
    indicator = Indicator(
        code=_indicator_code(area, row.name),
        name_nl=row.name,
        policy_area=area,
        kind=table.kind if table.kind in TABLE_KINDS else IndicatorKind.PERFORMANCE,
        source=_source(table, row) or _statutory_source(table, importing),
        unit=Unit.PERCENTAGE if _in_percent(table, row, values) else Unit.COUNT,
        decimals=min(max(decimals, 0), MAX_DECIMALS),
        measured_from=_first_measured(table, row),
        order=order,
    )
    try:
        save_record(instance=indicator, user=importing.actor)
    except ValidationError as exc:
        raise ChapterFormatError(row.line, " ".join(exc.messages)) from exc
    importing.report.created.append(_("indicator “%(name)s”") % {"name": row.name})
    return indicator


def _measured_earlier(
    indicator: Indicator, table: PrintedTable, row: PrintedRow, importing: Importing
) -> None:
    """A document that prints a value before the year it was measured from moves that year."""
    first = _first_measured(table, row)
    if (
        first is not None
        and indicator.measured_from is not None
        and first < indicator.measured_from
    ):
        indicator.measured_from = first
        save_record(instance=indicator, user=importing.actor, expected_version=indicator.version)
        importing.report.changed.append(
            _("indicator “%(name)s” is measured from %(year)s")
            % {"name": indicator.name_nl, "year": first}
        )


def _source(table: PrintedTable, row: PrintedRow) -> str:
    """The Bron column's text when the row prints one source for all its years."""
    texts = {
        cell.text
        for column, cell in zip(table.columns, row.cells, strict=False)
        if column.kind == TEXT
        and column.label.lower().startswith("bron")
        and cell.text.strip() not in ("", "-", "–")
    }
    source = texts.pop() if len(texts) == 1 else ""
    return source[: Indicator._meta.get_field("source").max_length]


def _statutory_source(table: PrintedTable, importing: Importing) -> str:
    """A BBV indicator always has a source: the document that printed it, when no Bron
    column names another."""
    return str(importing.document) if table.kind == IndicatorKind.STATUTORY else ""


def _indicator_code(area: PolicyArea, name: str) -> str:
    base = slugify(f"{area.code.replace('.', '-')} {name}")[:110] or "indicator"
    code, number = base, 2
    while Indicator.objects.filter(code=code).exists():
        code, number = f"{base}-{number}", number + 1
    return code
