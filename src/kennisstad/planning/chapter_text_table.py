"""Reading a chapter's indicator table: the header cells, whose kinds and years must be the
columns the setting gives a document of its kind, then per indicator its name and one cell per
column. A municipality's own header words (in the column setting) are read as well.
"""

import re
from functools import lru_cache

from django.utils.translation import gettext as _

from kennisstad.indicators.formatting import (
    MAX_DECIMAL_PLACES,
    MAX_WHOLE_DIGITS,
    UnreadableValue,
    ValueOutOfRange,
    clean_cell,
    looks_like_value,
    parse_value,
)
from kennisstad.indicators.models import Indicator

from .chapter_table import REALISATION, TARGET
from .chapter_text_parts import (
    Cell,
    ChapterFormatError,
    Column,
    Lines,
    ParsedChapter,
    Row,
    field_length,
    refuse_longer_than,
    section_kind,
)
from .column_layout import columns_for, configured_labels

TABLE_HEADING = "prestatie-indicatoren"
BUILT_IN_LABELS = (
    "Behaald",
    "Gerealiseerd",
    "Realisatie",
    "Begroting",
    "Begroot",
    "Beoogd",
    "Streefwaarde",
    "Doel",
)
REALISED_LABELS = {"behaald", "gerealiseerd", "realisatie"}
YEAR_RE = re.compile(r"^(\d{4})$")
CELL_PREFIX_RE = re.compile(r"^(Beoogd|Begroting|Begroot|Streefwaarde|Doel|Behaald)\s+", re.I)
# A chapter prints a handful of indicators; the import writes each one (with its values) in
# the import's one transaction, so a text far longer is refused while it is read.
MAX_INDICATOR_ROWS = 200
_NAME_LENGTH = field_length(Indicator, "name_nl")


def parse_table(lines: Lines, chapter: ParsedChapter) -> None:
    """Read the header cells and then rows of an indicator name followed by one cell per column."""
    _parse_columns(lines, chapter)
    _check_columns(chapter)
    while True:
        lines.skip_blank()
        if lines.at_end or section_kind(lines.current[1]):
            break
        row = _parse_row(lines, chapter)
        if len(chapter.rows) >= MAX_INDICATOR_ROWS:
            raise ChapterFormatError(
                row.line,
                _(
                    "more than %(count)d indicator rows: a chapter's table is never that long "
                    "(is this one chapter?)"
                )
                % {"count": MAX_INDICATOR_ROWS},
            )
        chapter.rows.append(row)
    if not chapter.rows:
        raise ChapterFormatError(
            lines.number_here(otherwise=lines.items[-1][0]),
            _("the indicator table has column headers but no rows"),
        )


def _parse_columns(lines: Lines, chapter: ParsedChapter) -> None:
    """Header cells such as "Behaald 2016", or "Behaald" with the year on the next line."""
    labels = configured_labels()
    label_re = _column_label_re(tuple(labels))
    lines.skip_blank()
    while not lines.at_end:
        number, line = lines.current
        match = label_re.match(clean_cell(line))
        if not match:
            break
        label, year = match[1], match[2]
        lines.position += 1
        if year is None:
            lines.skip_blank()
            year_line = clean_cell(lines.current[1]) if not lines.at_end else ""
            if not YEAR_RE.match(year_line):
                raise ChapterFormatError(
                    lines.number_here(otherwise=number),
                    _("the column “%(label)s” has no year") % {"label": label},
                )
            year = year_line
            lines.position += 1
        chapter.columns.append(_column(label, int(year), number, labels))
        lines.skip_blank()
    if not chapter.columns:
        raise ChapterFormatError(
            lines.number_here(otherwise=len(lines.items)),
            _("the indicator table has no column headers"),
        )


def _column(label: str, year: int, line: int, configured: dict[str, tuple[str, str]]) -> Column:
    """A municipality's own header word (a setting) keeps its spelling and kind."""
    if label.lower() in configured:
        kind, spelling = configured[label.lower()]
        return Column(spelling, year, line, kind)
    kind = REALISATION if label.lower() in REALISED_LABELS else TARGET
    return Column(label.capitalize(), year, line, kind)


@lru_cache(maxsize=8)
def _column_label_re(configured: tuple[str, ...]) -> re.Pattern:
    words = sorted({word.lower() for word in (*BUILT_IN_LABELS, *configured)}, key=len)
    alternatives = "|".join(re.escape(word) for word in reversed(words))
    return re.compile(rf"^({alternatives})(?:\s+(\d{{4}}))?$", re.I)


def _parse_row(lines: Lines, chapter: ParsedChapter) -> Row:
    number, line = lines.current
    name = clean_cell(line)
    if looks_like_value(name):
        raise ChapterFormatError(
            number,
            _(
                "expected an indicator name, found the value “%(value)s”: "
                "the row above has more cells than the table has columns"
            )
            % {"value": name},
        )
    refuse_longer_than(name, _NAME_LENGTH, line=number, what=_("the indicator's name"))
    row = Row(name, number)
    lines.position += 1
    for column in chapter.columns:
        lines.skip_blank()
        if lines.at_end or section_kind(lines.current[1]):
            raise ChapterFormatError(
                lines.number_here(otherwise=lines.items[-1][0]),
                _missing_cell(row, len(chapter.columns), column),
            )
        cell_number, cell_line = lines.current
        value = _parse_cell(cell_line, cell_number, column, row, len(chapter.columns))
        row.cells.append(Cell(column, value, cell_number))
        lines.position += 1
    return row


def _parse_cell(cell_line: str, cell_number: int, column: Column, row: Row, width: int):
    text = CELL_PREFIX_RE.sub("", clean_cell(cell_line))
    try:
        value = parse_value(text)
    except ValueOutOfRange:
        raise ChapterFormatError(
            cell_number,
            _(
                "the value “%(value)s” for “%(column)s” has more than %(whole)d digits before "
                "the decimal comma or more than %(decimals)d after it"
            )
            % {
                "value": text,
                "column": column.title,
                "whole": MAX_WHOLE_DIGITS,
                "decimals": MAX_DECIMAL_PLACES,
            },
        ) from None
    except UnreadableValue:
        if _looks_like_text(text):
            raise ChapterFormatError(cell_number, _missing_cell(row, width, column)) from None
        message = (
            _("unreadable realisation “%(value)s” for “%(column)s”")
            if column.is_realisation
            else _("unreadable target “%(value)s” for “%(column)s”")
        )
        raise ChapterFormatError(
            cell_number, message % {"value": clean_cell(cell_line), "column": column.title}
        ) from None
    if column.is_realisation and value.comparator not in (None, "text"):
        raise ChapterFormatError(
            cell_number,
            _("“%(column)s” is an achieved value, but the cell holds a target “%(value)s”")
            % {"column": column.title, "value": value.text},
        )
    return value


def _missing_cell(row: Row, width: int, column: Column) -> str:
    return _(
        "the row “%(name)s” (line %(line)s) has %(found)s of %(width)s cells: "
        "the cell for “%(column)s” is missing"
    ) % {
        "name": row.name,
        "line": row.line,
        "found": len(row.cells),
        "width": width,
        "column": column.title,
    }


def _check_columns(chapter: ParsedChapter) -> None:
    """The table has the columns the setting gives a document of its kind, in that order."""
    expected = columns_for(chapter.document_kind, chapter.year)
    if [(c.kind, c.year) for c in chapter.columns] != [(c.kind, c.year) for c in expected]:
        raise ChapterFormatError(
            chapter.columns[0].line,
            _("a %(kind)s %(year)s has the columns %(expected)s, but this table has %(found)s")
            % {
                "kind": chapter.document_kind,
                "year": chapter.year,
                "expected": " | ".join(column.title for column in expected),
                "found": " | ".join(column.title for column in chapter.columns),
            },
        )


def _looks_like_text(text: str) -> bool:
    """An indicator name or a sentence, as opposed to a mangled number or target."""
    return len(text) > 12 and not re.match(r"^[<>=≥≤\d+\-–]", text)
