"""Where a table printed one row per line is interrupted, as text copied from a PDF or a P&C
site interrupts it: a page break (the page's running header, the chapter's heading repeated at
the top of the page, a page number) between two of its rows, and an indicator name too long for
its cell, broken over two lines.

- A page break is skipped when the lines after it are rows of the same table; a heading of
  another chapter followed by such rows is refused (which chapter the rows belong to is not
  certain). Nothing between rows is ever read as text while the rows after it are lost.
- A name broken over lines is joined when the layout leaves no doubt: the line that carries the
  cells is directly above or below the name's other part (no blank line between), that part is
  no row of its own, and the continuation starts with a lower-case letter or "(" ("Aantal
  samenwerkingsprojecten op het gebied van" / "kennis en innovatie"). A name's first part
  printed as a row of empty cells is joined with the row below it likewise.
"""

import re
from collections.abc import Callable

from django.utils.translation import gettext as _

from kennisstad.indicators.formatting import clean_cell

from .chapter_text_parts import ChapterFormatError, Lines
from .document_parts import PrintedChapter, PrintedDocument, PrintedRow
from .document_reader_cells import looks_like_value
from .document_reader_columns import header_cell, is_name_header
from .document_reader_lines import (
    coded_heading,
    document_title,
    is_footnote_paragraph,
    normalised,
    numbered_title,
    section_heading,
    table_label,
)
from .document_reader_names import split_name_mark

# "12", "- 12 -", "Pagina 12", "blz. 12", "12 / 80", "12 van 80": a page number on its own line.
PAGE_NUMBER_RE = re.compile(
    r"^[-–]?\s*(?:pagina|page|blz\.?|p\.)?\s*\d{1,4}(?:\s*(?:/|van|of)\s*\d+)?\s*[-–]?$", re.I
)
MAX_BREAK_LINES = 4  # a page's footer, number and header between two rows
MAX_NAME_PARTS = 3
TAIL_LENGTH = 120  # a name's continuation is a short line, not a paragraph

PageHeader = Callable[[str], bool]
Fits = Callable[[str], bool]


def skip_page_break(lines: Lines, page_header: PageHeader, fits: Fits) -> bool:
    """From the current line: past page furniture to a row (``fits``) that continues the table
    (True, at that row), or not (False, nothing moved). Another chapter's heading between rows
    is refused."""
    start = lines.position
    skipped = 0
    while skipped <= MAX_BREAK_LINES:
        lines.skip_blank()
        if lines.at_end:
            break
        number, raw = lines.current
        text = normalised(raw)
        if skipped and fits(raw):
            return True
        if PAGE_NUMBER_RE.match(text) or page_header(text):
            lines.position += 1
            skipped += 1
            continue
        if coded_heading(text) is not None and _row_follows(lines, fits):
            raise heading_between_rows(number, text)
        break
    lines.position = start
    return False


def heading_between_rows(line: int, text: str) -> ChapterFormatError:
    return ChapterFormatError(
        line,
        _(
            "“%(text)s” stands between two rows of a table: the rows below it belong "
            "to the table above, or to a chapter whose table has no header; print the "
            "heading as the chapter's (or remove it where it repeats a page header)"
        )
        % {"text": text},
    )


def refuse_heading_before_cells(lines: Lines, cells: int) -> None:
    """One cell per line: a chapter's heading where the table ended, followed by a name and
    exactly a row's ``cells`` values, stands between two rows of the table: refused."""
    if lines.at_end or coded_heading(text := normalised(lines.current[1])) is None:
        return
    following = [clean_cell(raw) for _n, raw in lines.items[lines.position + 1 :] if raw.strip()]
    row = following[: cells + 2]
    if (
        len(row) > cells
        and may_head_a_name(row[0])
        and not is_name_header(row[0])
        and all(_is_value(cell) for cell in row[1 : cells + 1])
        and (len(row) == cells + 1 or not looks_like_value(row[cells + 1]))
    ):
        raise heading_between_rows(lines.current[0], text)


def _is_value(cell: str) -> bool:
    """A value, no header ("Behaald 2016" reads as a value with its header word)."""
    header = header_cell(cell)
    return looks_like_value(cell) and not (header is not None and header[0])


def _row_follows(lines: Lines, fits: Fits) -> bool:
    for _number, raw in lines.items[lines.position + 1 :]:
        if raw.strip():
            return fits(raw)
    return False


def is_name_part(text: str) -> bool:
    """A line that may continue a name broken over lines: lower case or "(" first, short, no
    value, heading or label."""
    return (
        bool(text)
        and (text[0].islower() or text[0] == "(")
        and len(text) <= TAIL_LENGTH
        and not text.endswith((".", ":", ";"))
        and not looks_like_value(text)
        and not is_footnote_paragraph(text)  # "a) Bron: ..." under the table
        and section_heading(text) is None
        and table_label(text) is None
    )


def may_head_a_name(text: str) -> bool:
    """A line that may be the first part of a name whose cells are on the next line."""
    return (
        0 < len(text) <= TAIL_LENGTH
        and not text.endswith((".", ":", ";", "?"))
        and not looks_like_value(text)
        and section_heading(text) is None
        and table_label(text) is None
        and coded_heading(text) is None
    )


def name_tails(lines: Lines, is_row: Callable[[str], bool]) -> list[str]:
    """The lines directly below a row (no blank between) that continue its name; moves past
    them."""
    tails: list[str] = []
    while not lines.at_end and len(tails) < MAX_NAME_PARTS - 1:
        raw = lines.current[1]
        text = clean_cell(raw)
        if not raw.strip() or is_row(raw) or not is_name_part(text):
            break
        tails.append(text)
        lines.position += 1
    return tails


def joined(row: PrintedRow, before: str = "", after: list[str] | None = None) -> None:
    """The row's name with the parts printed above and below it; a footnote mark after the
    last part is set apart from the whole name."""
    name, mark = split_name_mark(
        " ".join(part for part in (before, row.name, *(after or ())) if part)
    )
    row.name, row.footnote = name, mark or row.footnote


def merges_with_empty_row(previous: PrintedRow, row: PrintedRow) -> bool:
    """A row of empty cells printed directly above a row whose name continues it."""
    return (
        row.line == previous.line + 1
        and not previous.number
        and all(not cell.text for cell in previous.cells)
        and is_name_part(row.name)
    )


def is_table_row(raw: str) -> bool:
    """A line of cells joined by a TAB with a value after its first cell: a table's row, never
    a chapter's title."""
    cells = [clean_cell(cell) for cell in raw.strip().split("\t")]
    return len(cells) >= 2 and any(looks_like_value(cell) for cell in cells[1:] if cell)


def is_page_header(
    text: str,
    document: PrintedDocument,
    chapter: PrintedChapter | None,
    programmes: dict[str, str],
) -> bool:
    """A page's running line: the document's title, the chapter's or its programme's heading
    repeated at the top of a page."""
    if document_title(text) == (document.kind, document.year):
        return True
    heading = coded_heading(text) or numbered_title(text)
    if chapter is not None and heading == (chapter.code, chapter.title):
        return True
    return bool(heading[0]) and programmes.get(heading[0]) == heading[1]
