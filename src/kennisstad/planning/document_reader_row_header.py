"""The header of a table printed one row per line (``document_reader_rows``): its columns
from the header words, with the years printed on the line below them; and where the names'
column stands when text columns are printed before it ("Nr | Taakveld | Indicator | ...")."""

from django.utils.translation import gettext as _

from .chapter_text_parts import ChapterFormatError
from .document_parts import TEXT, PrintedColumn
from .document_reader_columns import (
    PENDING,
    YEAR_RE,
    header_cell,
    header_suffix,
    is_name_header,
    unknown_header,
)


def name_header_at(cells: list[str]) -> int | None:
    """The index of the names' header ("Indicator", "Omschrijving") printed after one or more
    text columns ("Taakveld"); None when the header starts with the names' column or has none."""
    for index, cell in enumerate(cells):
        if is_name_header(cell):
            return index or None
        header = header_cell(cell)
        if header is None or header[2] != TEXT:
            return None
    return None


def trimmed(cells: list[str]) -> list[str]:
    """Without the empty cells after the last one printed."""
    while cells and not cells[-1]:
        cells = cells[:-1]
    return cells


def header_columns(heads: list[str], number: int) -> list[PrintedColumn]:
    columns = []
    for text in heads:
        header = header_cell(text)
        if header is None:
            raise unknown_header(number, text)
        columns.append(PrintedColumn(*header, number, suffix=header_suffix(text)[1]))
    return columns


def merged_columns(heads: list[str], years: list[str], number: int) -> list[PrintedColumn]:
    """Header words over a row of years, cell by cell; an empty cell after a word is that
    word merged over more years ("Behaald" over 2016 and 2017)."""
    columns: list[PrintedColumn] = []
    word: tuple[str, str] | None = None
    width = max(
        (i + 1 for i, (h, y) in enumerate(zip(heads, years, strict=True)) if h or y), default=0
    )
    for head, year_text in zip(heads[:width], years[:width], strict=True):
        year = int(YEAR_RE.match(year_text)[1]) if year_text else None  # type: ignore[index]
        if head:
            header = header_cell(head)
            if header is None:
                raise unknown_header(number, head)
            if header[1] is not None and year is not None and header[1] != year:
                raise unknown_header(number, f"{head} / {year_text}")
            word = (header[0], header[2])
            suffix = header_suffix(head)[1]
            columns.append(PrintedColumn(header[0], header[1] or year, header[2], number, suffix))
        elif year is not None:
            label, kind = word if word is not None else ("", PENDING)
            columns.append(PrintedColumn(label, year, kind, number))
        else:
            raise ChapterFormatError(
                number,
                _("column %(column)d of the table has no header") % {"column": len(columns) + 1},
            )
    return columns


def years_in_order(columns: list[PrintedColumn], below: tuple[int, list[str]]) -> None:
    """ "Behaald | Beoogd" with "2017 | 2018" below, not aligned cell by cell: the years in
    order to the header words that print none; refused when they do not fit."""
    number, cells = below
    years = [int(YEAR_RE.match(cell)[1]) for cell in cells if cell]  # type: ignore[index]
    waiting = [c for c in columns if c.year is None and c.label and c.kind != TEXT]
    if len(years) != len(waiting):
        raise ChapterFormatError(
            number,
            _("%(years)d years below the header, which has %(columns)d columns without one")
            % {"years": len(years), "columns": len(waiting)},
        )
    for column, year in zip(waiting, years, strict=True):
        column.year = year
