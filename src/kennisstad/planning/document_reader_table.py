"""A table printed one cell per line (text copied from a web page or a PDF): the header cells
each on a line (the year on the same line, in parentheses, or on the next line), then per
indicator its name and one line per column. Rows are found by counting the columns.

- The header ends at the first line that is no header word, year, name header ("Indicator")
  or row-number header ("Nr"). A line such as "Gemeten 2018" (a word and a year) is refused
  as an unknown header rather than read as a name.
- A name broken over lines: where a name is expected, a line that is no value and starts with
  a lower-case letter or "(" continues the name. Two name-like lines where the second starts
  otherwise are refused: either the first row lacks its cells or its name is broken.
- The table ends before a section heading, a table label, a chapter heading (a coded line
  not followed by a value), a footnote ("* ...", "Toelichting: ...") or a paragraph too long
  to be a name.
"""

from collections.abc import Callable

from django.utils.translation import gettext as _

from kennisstad.indicators.formatting import clean_cell
from kennisstad.indicators.models import Indicator

from .chapter_text_parts import ChapterFormatError, Lines, field_length, refuse_longer_than
from .document_parts import AS_PRINTED_KINDS, TEXT, PrintedColumn, PrintedRow
from .document_reader_breaks import refuse_heading_before_cells
from .document_reader_cells import is_long_text, looks_like_value, read_cell
from .document_reader_columns import (
    YEAR_RE,
    header_cell,
    header_suffix,
    is_name_header,
    is_number_header,
    looks_like_unknown_header,
    refuse_single_spaced,
    unknown_header,
)
from .document_reader_lines import (
    coded_heading,
    document_title,
    is_footnote_paragraph,
    normalised,
    section_heading,
    table_label,
)
from .document_reader_names import NUMBERED_NAME_RE, ROW_NUMBER_RE, split_name_mark

MAX_INDICATOR_ROWS = 200
MAX_COLUMNS = 12
NAME_LENGTH = field_length(Indicator, "name_nl")


def read_line_header(lines: Lines) -> tuple[list[PrintedColumn], bool]:
    """The columns, and whether a row-number column ("Nr") comes first."""
    columns: list[PrintedColumn] = []
    numbered = named = False
    while _next(lines):
        number, text = lines.current[0], clean_cell(lines.current[1])
        if not columns and not numbered and not named and is_number_header(text):
            numbered = True
        elif not columns and not named and is_name_header(text):
            named = True
        elif (header := _header_here(lines, text)) is not None:
            columns.append(PrintedColumn(*header[:3], number, suffix=header[3]))
            continue
        elif (looks_like_unknown_header(text) and not columns) or looks_like_unknown_header(text):
            raise unknown_header(number, text)
        else:
            break
        lines.position += 1
    if not columns:
        if not lines.at_end:
            refuse_single_spaced(lines.current[0], clean_cell(lines.current[1]))
        raise ChapterFormatError(
            lines.number_here(otherwise=len(lines.items)),
            _("expected the table's column headers (e.g. “Behaald 2016”), found “%(text)s”")
            % {"text": clean_cell(lines.current[1]) if not lines.at_end else ""},
        )
    if len(columns) > MAX_COLUMNS:
        raise ChapterFormatError(
            columns[MAX_COLUMNS].line,
            _("more than %(count)d columns in one table") % {"count": MAX_COLUMNS},
        )
    return columns, numbered


def _header_here(lines: Lines, text: str) -> tuple[str, int | None, str, str] | None:
    """The header cell at the current line, taking its year (or the rest of a word broken
    with a hyphen, "Streef-" "waarde") from the next line; moves past what it read."""
    start = lines.position
    if text.endswith("-") and len(text) < 20:
        lines.position += 1
        if _next(lines) and (header_cell(text[:-1] + clean_cell(lines.current[1]))):
            text = text + clean_cell(lines.current[1])
        else:
            lines.position = start
            return None
    header = header_cell(text)
    if header is None:
        lines.position = start
        return None
    lines.position += 1
    label, year, kind = header
    suffix = header_suffix(text)[1]
    if year is None and label and kind != TEXT:
        after = lines.position
        if _next(lines) and (match := YEAR_RE.match(clean_cell(lines.current[1]))):
            year = int(match[1])
            lines.position += 1
        else:
            lines.position = after
    return label, year, kind, suffix


def _next(lines: Lines) -> bool:
    lines.skip_blank()
    return not lines.at_end


def read_line_rows(
    lines: Lines,
    columns: list[PrintedColumn],
    numbered: bool,
    *,
    accept_unreadable: bool,
    page_header: Callable[[str], bool] | None = None,
) -> list[PrintedRow]:
    """The rows; the page's running header (``page_header``) between two rows is skipped."""
    rows: list[PrintedRow] = []
    while (
        _next(lines)
        and not _past_page_header(lines, page_header)
        and not ends_table(lines)
        and not (rows and _text_before_heading(lines))
    ):
        row = _read_row(lines, columns, numbered, accept_unreadable)
        if len(rows) >= MAX_INDICATOR_ROWS:
            raise ChapterFormatError(
                row.line,
                _("more than %(count)d indicator rows in one table")
                % {"count": MAX_INDICATOR_ROWS},
            )
        rows.append(row)
    if not rows:
        raise ChapterFormatError(
            lines.number_here(otherwise=len(lines.items)),
            _("the indicator table has column headers but no rows"),
        )
    if not numbered:
        refuse_heading_before_cells(lines, len(columns))
    return rows


def _past_page_header(lines: Lines, page_header: Callable[[str], bool] | None) -> bool:
    """Skips the page's running header at the current line; True at the end of the text."""
    while page_header is not None and page_header(normalised(lines.current[1])):
        lines.position += 1
        if not _next(lines):
            return True
    return False


def _text_before_heading(lines: Lines) -> bool:
    """A line directly followed by a heading that ends the table: no row (a row without any
    cell) but the text after the table ("Om dit doel te bereiken leveren we:")."""
    position = lines.position
    lines.position += 1
    try:
        return (
            _next(lines)
            and ends_table(lines)
            and not looks_like_value(clean_cell(lines.current[1]))
        )
    finally:
        lines.position = position


def ends_table(lines: Lines) -> bool:
    """Whether the current (non-blank) line is past the table's last row."""
    text = normalised(lines.current[1])
    if section_heading(text) or table_label(text) or document_title(text):
        return True
    if "\t" in lines.current[1] or text.startswith("|") or len(text) > NAME_LENGTH:
        return True
    if coded_heading(text) or is_footnote_paragraph(text):
        return not _value_follows(lines)
    return False


def _value_follows(lines: Lines) -> bool:
    for _number, raw in lines.items[lines.position + 1 :]:
        if raw.strip():  # a page header "Begroting 2018" is no value "2018"
            return looks_like_value(clean_cell(raw)) and not document_title(normalised(raw))
    return False


def _read_row(
    lines: Lines, columns: list[PrintedColumn], numbered: bool, accept_unreadable: bool
) -> PrintedRow:
    row_number = ""
    if numbered:
        number, text = lines.current[0], clean_cell(lines.current[1])
        if not ROW_NUMBER_RE.match(text):
            raise ChapterFormatError(
                number, _("expected the row's number, found “%(text)s”") % {"text": text}
            )
        row_number = text.rstrip(".)")
        lines.position += 1
        _next(lines)
    row = _read_name(lines, columns, row_number)
    for column in columns:
        if not _next(lines) or (
            ends_table(lines) and not looks_like_value(clean_cell(lines.current[1]))
        ):
            raise ChapterFormatError(
                lines.number_here(otherwise=len(lines.items)), missing_cell(row, columns, column)
            )
        number, raw = lines.current
        if clean_cell(raw).endswith(":"):  # "2019:" over "€ 248": one cell on two lines
            lines.position += 1
            if _next(lines):
                raw = f"{clean_cell(raw)} {clean_cell(lines.current[1])}"
        if column.kind not in AS_PRINTED_KINDS and is_long_text(clean_cell(raw)):
            raise ChapterFormatError(number, missing_cell(row, columns, column))
        row.cells.append(
            read_cell(raw, number, column, row.name, accept_unreadable=accept_unreadable)
        )
        lines.position += 1
    return row


def _read_name(lines: Lines, columns: list[PrintedColumn], row_number: str) -> PrintedRow:
    number, text = lines.current[0], clean_cell(lines.current[1])
    if looks_like_value(text):
        raise ChapterFormatError(
            number,
            _(
                "expected an indicator name, found the value “%(value)s”: the row above has "
                "more cells than the table has columns"
            )
            % {"value": text},
        )
    if not row_number and (match := NUMBERED_NAME_RE.match(text)):
        row_number, text = match[1], match[2]
    lines.position += 1
    parts = [text]
    while (
        columns[0].kind not in AS_PRINTED_KINDS
        and _next(lines)
        and not looks_like_value(following := clean_cell(lines.current[1]))
    ):
        if ends_table(lines):
            break
        if not (following[0].islower() or following[0] == "(") or len(parts) >= 3:
            raise ChapterFormatError(
                lines.current[0],
                _(
                    "“%(first)s” (line %(line)d) and “%(second)s” both read as an indicator "
                    "name: either the first row lacks its %(count)d cells or its name is "
                    "broken over two lines; put the name on one line"
                )
                % {"first": text, "line": number, "second": following, "count": len(columns)},
            )
        parts.append(following)
        lines.position += 1
    name, mark = split_name_mark(" ".join(parts))
    refuse_longer_than(name, NAME_LENGTH, line=number, what=_("the indicator's name"))
    return PrintedRow(name, number, number=row_number, footnote=mark)


def missing_cell(row: PrintedRow, columns: list[PrintedColumn], column: PrintedColumn) -> str:
    return _(
        "the row “%(name)s” (line %(line)s) has %(found)s of %(width)s cells: "
        "the cell for “%(column)s” is missing"
    ) % {
        "name": row.name,
        "line": row.line,
        "found": len(row.cells),
        "width": len(columns),
        "column": column.title,
    }
