"""From a file's bytes to a ``PrintedDocument``: its text (``document_text``), then the
document read from it (``read_document``). The command and the upload page both read here, so a
file is refused the same way whichever way it came in.

``document_text`` (``document_formats``) reads .txt, .md, .html, .docx and .pdf. Until the
reader is merged this holds a small stand-in with its name: ``read_document`` reads the one
chapter layout ``chapter_text`` knows.
"""

from django.utils.translation import gettext as _

from .chapter_text_parts import ChapterFormatError
from .document_formats import MAX_BYTES, SUFFIXES, document_text
from .document_parts import (
    PERFORMANCE,
    PrintedCell,
    PrintedChapter,
    PrintedColumn,
    PrintedDocument,
    PrintedRow,
    PrintedTable,
)

__all__ = ["MAX_BYTES", "SUFFIXES", "document_text", "read_document", "read_file"]


def read_file(
    data: bytes,
    filename: str,
    *,
    kind: str | None = None,
    year: int | None = None,
    accept_unreadable: bool = False,
) -> PrintedDocument:
    """Raises ``ImportRefused`` (a ``ChapterFormatError`` with its line when the text is read
    but is no document)."""
    text = document_text(data, filename)
    return read_document(text, kind=kind, year=year, accept_unreadable=accept_unreadable)


def read_document(
    text: str, *, kind: str | None = None, year: int | None = None, accept_unreadable=False
) -> PrintedDocument:
    from .chapter_text import parse_chapter

    parsed = parse_chapter(text)
    if (kind and kind != parsed.document_kind) or (year and year != parsed.year):
        raise ChapterFormatError(
            1,
            _("the text says it is %(kind)s %(year)s")
            % {
                "kind": parsed.document_kind,
                "year": parsed.year,
            },
        )
    columns = [PrintedColumn(c.label, c.year, c.kind, c.line) for c in parsed.columns]
    rows = [
        PrintedRow(
            row.name,
            row.line,
            [
                PrintedCell(
                    cell.value.text,
                    cell.line,
                    value=None if cell.value.is_dash else cell.value,
                )
                for cell in row.cells
            ],
        )
        for row in parsed.rows
    ]
    tables = (
        [
            PrintedTable(
                "Prestatie-indicatoren", PERFORMANCE, 0, columns, rows, parsed.indicator_note
            )
        ]
        if columns
        else []
    )
    chapter = PrintedChapter(
        code=parsed.policy_field_code,
        title=parsed.policy_field_title,
        line=parsed.policy_field_line or 1,
        programme_title=parsed.programme_title,
        introduction=parsed.introduction,
        tables=tables,
        sections=parsed.sections,
    )
    return PrintedDocument(parsed.document_kind, parsed.year, [chapter], title_line=1)
