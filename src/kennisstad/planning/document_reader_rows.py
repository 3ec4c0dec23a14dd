"""A table printed ONE ROW PER LINE, in the three forms text extraction gives:

- cells separated by a TAB: what Kennisstad's own HTML, .docx and PDF extraction produces
  (``document_formats``: each table row one line, its cells joined by ``"\\t"``);
- a Markdown pipe table, ``| Indicator | Behaald 2017 | Beoogd 2018 |`` with its ``|---|`` line
  (also without the first and last pipe);
- cells separated by two or more spaces (text copied from a PDF).

The first line is the header: an optional row-number header ("Nr"), the names' header
("Indicator", any text, or an empty cell), then one header per column ("Behaald 2017",
"Nulmeting", "Bron", a bare year). Years printed on the line below the header words are taken
from there. Every row must have exactly the header's number of cells: a row with more or fewer
is refused with its line, never shifted to fit. The table ends at the first line of another
form (a paragraph, a footnote, a heading) or at a blank line not followed by another row.
"""

import re

from django.utils.translation import gettext as _

from kennisstad.indicators.formatting import clean_cell

from .chapter_text_parts import ChapterFormatError, Lines, refuse_longer_than
from .document_parts import PrintedColumn, PrintedRow
from .document_reader_breaks import (
    PageHeader,
    is_name_part,
    joined,
    may_head_a_name,
    merges_with_empty_row,
    name_tails,
    skip_page_break,
)
from .document_reader_cells import read_cell
from .document_reader_columns import (
    YEAR_RE,
    header_cell,
    is_name_header,
    is_number_header,
    words_over_years,
)
from .document_reader_lines import table_label
from .document_reader_names import NUMBERED_NAME_RE, ROW_NUMBER_RE, split_name_mark
from .document_reader_row_header import (
    header_columns,
    merged_columns,
    name_header_at,
    trimmed,
    years_in_order,
)
from .document_reader_table import MAX_COLUMNS, MAX_INDICATOR_ROWS, NAME_LENGTH

TAB, PIPE, SPACES = "tab", "pipe", "spaces"
PIPE_SEPARATOR_RE = re.compile(r"^\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?$")
SPACES_RE = re.compile(r"(?: {2,}|\t)")


def split_cells(raw: str, layout: str) -> list[str]:
    """The cells of a line in ``layout``, each with its spaces normalised."""
    text = raw.replace("\u00a0", " ").rstrip("\r\n")
    if layout == PIPE:
        text = text.strip()
        text = text[1:] if text.startswith("|") else text
        text = text[:-1] if text.endswith("|") else text
        return [clean_cell(cell) for cell in text.split("|")]
    if layout == TAB:
        return [clean_cell(cell) for cell in text.rstrip(" ").split("\t")]
    return [clean_cell(cell) for cell in SPACES_RE.split(text.strip())]


def layout_of(raw: str) -> str | None:
    """The row form of a line that may start a table (None: one cell per line)."""
    stripped = raw.strip()
    if stripped.startswith("|") and stripped.count("|") >= 2:
        return PIPE
    if "|" in stripped and is_header_row(split_cells(raw, PIPE)):
        return PIPE  # "Indicator | Behaald 2017 |": a Markdown table without its first pipe
    if "\t" in stripped and sum(1 for c in split_cells(raw, TAB) if c) >= 2:
        return TAB
    cells = split_cells(raw, SPACES)
    if len(cells) >= 2 and is_header_row(cells):
        return SPACES
    return None


def is_header_row(cells: list[str]) -> bool:
    """Cells that head a table: after an optional "Nr" and names' header, only column
    headers, at least one of them."""
    rest = list(cells)
    if rest and is_number_header(rest[0]):
        rest = rest[1:]
    if rest and (not rest[0] or is_name_header(rest[0]) or table_label(rest[0])):
        rest = rest[1:]  # "Prestatie-indicatoren" as the names' header: the table's label
    elif (at := name_header_at(rest)) is not None:
        rest = rest[:at] + rest[at + 1 :]  # "Taakveld | Indicator": the names not first
    return bool(rest) and all(header_cell(cell) for cell in rest if cell) and any(rest)


class RowTable:
    """Reads one table of ``layout`` from the current line of ``lines``."""

    def __init__(
        self,
        lines: Lines,
        layout: str,
        *,
        accept_unreadable: bool,
        page_header: PageHeader | None = None,
    ):
        self.lines = lines
        self.layout = layout
        self.accept_unreadable = accept_unreadable
        self.page_header = page_header or (lambda text: False)
        self.columns: list[PrintedColumn] = []
        self.numbered = False
        self.name_at = 0  # the text columns printed before the names' ("Taakveld")
        self.width = 0  # the cells of every row

    def read(self) -> tuple[list[PrintedColumn], list[PrintedRow]]:
        self.lines.skip_blank()
        number, raw = self.lines.current
        self.lines.position += 1
        cells = self._hyphenated_header(split_cells(raw, self.layout))
        below = self._year_row() or self._words_and_years_row(cells)
        if below is not None and len(below) == 3:  # the words of the second row taken up
            cells = below[2]
        self._header(cells, below[:2] if below else None, number)
        rows: list[PrintedRow] = []
        while (item := self._next_row()) is not None:
            if len(rows) >= MAX_INDICATOR_ROWS:
                raise ChapterFormatError(
                    item[0],
                    _("more than %(count)d indicator rows in one table")
                    % {"count": MAX_INDICATOR_ROWS},
                )
            row = self._row(*item)
            if rows and merges_with_empty_row(rows[-1], row):
                joined(row, before=rows.pop().name)  # its name's first part above, no cells
            joined(row, after=name_tails(self.lines, self._is_row))
            rows.append(row)
        if not rows:
            raise ChapterFormatError(number, self._why_no_rows())
        for row in rows:  # "Bestuur en ondersteuning (p8)" over its indicators: no values
            row.group = not any(cell.text for cell in row.cells)
        return self.columns, rows

    def _why_no_rows(self) -> str:
        lines = self.lines
        if not lines.at_end and is_header_row(split_cells(lines.current[1], self.layout)):
            return _(
                "the table's header is printed on two lines whose cells do not line up (this "
                "line and the next): which year belongs to which word cannot be read with "
                "certainty; print each word with its year (“Realisatie 2017”), or import the "
                "saved web page or Word file instead of the PDF's text"
            )
        return _("the indicator table has column headers but no rows")

    def _hyphenated_header(self, cells: list[str]) -> list[str]:
        """Header words a PDF breaks with a hyphen over two lines ("Streef-" over "waarde
        2019"), cell by cell: the next line's cells are the words' rest when each of them stands
        under a cell ending with a hyphen."""
        broken = [index for index, cell in enumerate(cells) if cell.endswith("-")]
        if self.lines.at_end or not broken:
            return cells
        below = split_cells(self.lines.current[1], self.layout)
        if len(broken) == 1 and len(below) == 1 and below[0]:  # its rest alone on the line
            below = ["" if index != broken[0] else below[0] for index in range(len(cells))]
        if (
            len(below) != len(cells)
            or not any(below)
            or any(
                part and not (head.endswith("-") and part[0].islower())
                for head, part in zip(cells, below, strict=True)
            )
        ):
            return cells
        self.lines.position += 1
        return [head + part for head, part in zip(cells, below, strict=True)]

    def _words_and_years_row(self, heads: list[str]) -> tuple[int, list[str], list[str]] | None:
        """The line below the header, cell by cell: years under its words, and the words of
        the columns without a year ("Indicator", "Eenheid") where the header is empty."""
        if self.lines.at_end:
            return None
        number, raw = self.lines.current
        found = words_over_years(heads, split_cells(raw, self.layout))
        if found is None or not is_header_row(found[0]):
            return None
        self.lines.position += 1
        return number, found[1], found[0]

    def _year_row(self) -> tuple[int, list[str]] | None:
        """The line below the header if it prints only years (and empty cells): the years of
        the header words above ("Behaald" over "2016" and "2017" when merged)."""
        if self.lines.at_end:
            return None
        number, raw = self.lines.current
        cells = split_cells(raw, self.layout)
        filled = [cell for cell in cells if cell]
        if not filled or not all(YEAR_RE.match(cell) for cell in filled):
            return None
        self.lines.position += 1
        return number, cells

    def _header(self, cells: list[str], below: tuple[int, list[str]] | None, number: int) -> None:
        position = 0
        if cells and is_number_header(cells[0]):
            self.numbered, position = True, 1
        first = cells[position] if position < len(cells) else ""
        if at := name_header_at(cells[position:]) or 0:  # "Taakveld | Indicator"
            self.name_at, cells = at, cells[: position + at] + cells[position + at + 1 :]
            if below is not None and len(below[1]) == len(cells) + 1:
                below = (below[0], below[1][: position + at] + below[1][position + at + 1 :])
        elif not first or is_name_header(first) or header_cell(first) is None:
            position += 1  # the names' header; else the header prints none above the names
        if below is not None and len(below[1]) == len(cells):
            self.columns = merged_columns(cells[position:], below[1][position:], number)
        else:
            self.columns = header_columns(trimmed(cells[position:]), number)
            if below is not None:
                years_in_order(self.columns, below)
        if not self.columns:
            raise ChapterFormatError(
                number,
                _("expected the table's column headers (e.g. “Behaald 2016”), found “%(text)s”")
                % {"text": " | ".join(cells)},
            )
        if len(self.columns) > MAX_COLUMNS:
            raise ChapterFormatError(
                number, _("more than %(count)d columns in one table") % {"count": MAX_COLUMNS}
            )
        self.width = int(self.numbered) + 1 + len(self.columns)

    def _next_row(self) -> tuple[int, list[str]] | None:
        """The next row's line and cells, or None where the table ends."""
        lines = self.lines
        while (
            not lines.at_end
            and self.layout == PIPE
            and PIPE_SEPARATOR_RE.match(lines.current[1].strip())
        ):
            lines.position += 1
        start = lines.position
        lines.skip_blank()
        if lines.at_end:
            return None
        number, raw = lines.current
        head = ""
        if not self._continues(raw, blank_before=lines.position > start):
            if lines.position == start and self._name_head_above_row():
                head = clean_cell(raw)  # a name's first part, its cells on the next line
                lines.position += 1
            elif not skip_page_break(lines, self.page_header, self._is_data_row):
                lines.position = start
                return None
            number, raw = lines.current
        lines.position += 1
        cells = split_cells(raw, self.layout)
        if head:
            cells[0] = f"{head} {cells[0]}"
        while len(cells) > self.width and not cells[-1]:
            cells = cells[:-1]
        if len(cells) != self.width:
            message = _(
                "this row has %(found)d cells where the table's header has %(width)d: "
                "a cell is missing or one too many (cells are never shifted to fit)"
            ) % {"found": len(cells), "width": self.width}
            if self.layout == SPACES and len(cells) < self.width:
                message += _(
                    "; in text copied from a PDF, two cells with a single space between them "
                    "read as one: put two spaces or a TAB between them"
                )
            raise ChapterFormatError(number, message)
        return number, cells

    def _continues(self, raw: str, *, blank_before: bool) -> bool:
        """Whether ``raw`` is a row of this table."""
        if not self._is_row(raw):
            return False
        cells = split_cells(raw, self.layout)
        if is_header_row(cells):
            return False  # the next table's header ("Indicator | Beoogd 2019"), never a row
        return not blank_before or len(trimmed(cells)) <= self.width <= len(cells)

    def _is_row(self, raw: str) -> bool:
        if self.layout == PIPE:
            return "|" in raw
        if self.layout == TAB:
            return "\t" in raw.strip(" ")
        return len(split_cells(raw, SPACES)) >= 2

    def _is_data_row(self, raw: str) -> bool:
        """A row of cells, no header: after a page break, a row of this table (its cells are
        counted as every row's)."""
        return self._is_row(raw) and not is_header_row(split_cells(raw, self.layout))

    def _fits(self, raw: str) -> bool:
        """A row of this table's width, no header."""
        return self._is_row(raw) and self._continues(raw, blank_before=True)

    def _name_head_above_row(self) -> bool:
        """The current line is no row, but the first part of a name whose row, continuing it
        in lower case, follows directly."""
        position = self.lines.position
        if position + 1 >= len(self.lines.items) or self.numbered or self.name_at:
            return False
        text = clean_cell(self.lines.current[1])
        below = self.lines.items[position + 1][1]
        return (
            may_head_a_name(text)
            and self._fits(below)
            and is_name_part(split_cells(below, self.layout)[0])
        )

    def _row(self, number: int, cells: list[str]) -> PrintedRow:
        row_number = ""
        if self.numbered:
            row_number = cells.pop(0)
            values = cells[: self.name_at] + cells[self.name_at + 1 :]
            if not ROW_NUMBER_RE.match(row_number) and (row_number or any(values)):
                raise ChapterFormatError(
                    number, _("expected the row's number, found “%(text)s”") % {"text": row_number}
                )
            row_number = row_number.rstrip(".)")
        name = cells.pop(self.name_at)
        if not name:
            raise ChapterFormatError(number, _("this row has values but no indicator name"))
        if not row_number and (match := NUMBERED_NAME_RE.match(name)):
            row_number, name = match[1], match[2]
        name, mark = split_name_mark(name)
        refuse_longer_than(name, NAME_LENGTH, line=number, what=_("the indicator's name"))
        row = PrintedRow(name, number, number=row_number, footnote=mark)
        row.cells = [
            read_cell(
                text,
                number,
                column,
                name,
                accept_unreadable=self.accept_unreadable,
                free_text=True,
            )
            for column, text in zip(self.columns, cells, strict=True)
        ]
        return row
