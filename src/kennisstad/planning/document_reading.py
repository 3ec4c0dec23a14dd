"""From a file's bytes to a ``PrintedDocument``: its text (``document_text``), then the
document read from it (``read_document``). The command and the upload page both read here, so a
file is refused the same way whichever way it came in.

``document_text`` (``document_formats``) reads .txt, .md, .html, .docx and .pdf;
``read_document`` is ``document_reader.read_document``.
"""

from .document_formats import MAX_BYTES, SUFFIXES, document_text
from .document_parts import PrintedDocument
from .document_reader import read_document

__all__ = ["MAX_BYTES", "SUFFIXES", "document_text", "read_document", "read_file"]


def read_file(
    data: bytes,
    filename: str,
    *,
    kind: str | None = None,
    year: int | None = None,
    accept_unreadable: bool = False,
    per_chapter: bool = False,
) -> PrintedDocument:
    """Raises ``ImportRefused`` (a ``ChapterFormatError`` with its line when the text is read
    but is no document). ``per_chapter``: a coded chapter that cannot be read is kept as
    refused (``PrintedChapter.refused``) and the reading goes on at the next chapter."""
    text = document_text(data, filename)
    return read_document(
        text, kind=kind, year=year, accept_unreadable=accept_unreadable, per_chapter=per_chapter
    )
