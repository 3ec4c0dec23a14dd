"""Where a table begins and how it is read, whatever its layout: after its label
("Prestatie-indicatoren"), or without one where a line of column headers stands on its own
(a performance table, or the label printed in the cell above the names). Sentences between
the label and the header are the table's note. One cell per line is read by
``document_reader_table``, one row per line by ``document_reader_rows``."""

from django.utils.translation import gettext as _

from .chapter_text_parts import ChapterFormatError, Lines
from .document_parts import PERFORMANCE, PrintedTable
from .document_reader_breaks import PageHeader
from .document_reader_columns import YEAR_RE, header_cell, is_name_header, is_number_header
from .document_reader_lines import normalised, table_label
from .document_reader_rows import RowTable, is_header_row, layout_of, split_cells
from .document_reader_table import read_line_header, read_line_rows
from .document_reader_text import blocks

SENTENCE = 60  # a line this long, or ending with a full stop, is a sentence, not a header


def names_header(text: str, following: str | None) -> bool:
    """ "Indicator(en)" heading the names' column of a table without a label."""
    return is_name_header(text) and following is not None and header_cell(following) is not None


def starts_table(raw: str, text: str, following: str | None) -> bool:
    """A line of column headers on its own: a table without a label line."""
    if (layout := layout_of(raw)) is not None:
        return is_header_row(split_cells(raw, layout))
    if following is None:
        return False
    if is_name_header(text) or is_number_header(text):
        return header_cell(following) is not None or is_name_header(following)
    header = header_cell(text)
    return bool(header and header[0]) and bool(header_cell(following) or YEAR_RE.match(following))


def label_in_header(raw: str) -> tuple[str, str]:
    """The label and kind of a table without a label line: "Prestatie-indicatoren" in the
    cell above the names, or none (a performance table)."""
    layout = layout_of(raw)
    first = split_cells(raw, layout)[0] if layout is not None else ""
    kind = table_label(first) if first and not is_name_header(first) else None
    return (first.rstrip(":").strip(), kind) if kind is not None else ("", PERFORMANCE)


def read_table(
    lines: Lines,
    label: str,
    kind: str,
    number: int,
    *,
    accept_unreadable: bool,
    page_header: PageHeader | None = None,
) -> PrintedTable:
    """The table from the current line (after its label, if any) in whichever layout;
    ``page_header`` tells the page's running lines that may stand between its rows."""
    note = _sentences_after_label(lines)
    lines.skip_blank()
    if lines.at_end:
        raise ChapterFormatError(
            number, _("the table label “%(label)s” has no table below it") % {"label": label}
        )
    layout = layout_of(lines.current[1])
    name_at = 0
    if layout is not None:
        table = RowTable(
            lines, layout, accept_unreadable=accept_unreadable, page_header=page_header
        )
        columns, rows = table.read()
        name_at = table.name_at
    else:
        columns, numbered = read_line_header(lines)
        rows = read_line_rows(
            lines, columns, numbered, accept_unreadable=accept_unreadable, page_header=page_header
        )
    return PrintedTable(label, kind, number, columns, rows, note, name_at=name_at)


def _sentences_after_label(lines: Lines) -> str:
    """Sentences printed between a table's label and its header: the table's note."""
    found: list[tuple[int, str]] = []
    while True:
        lines.skip_blank()
        if lines.at_end:
            break
        text = normalised(lines.current[1])
        if layout_of(lines.current[1]) is not None or header_cell(text):
            break
        if is_name_header(text) or is_number_header(text):
            break
        if not (len(text) > SENTENCE or text.endswith(".")):
            break
        found.append(lines.current)
        lines.position += 1
    return "\n\n".join(block for _start, block in blocks(found))
