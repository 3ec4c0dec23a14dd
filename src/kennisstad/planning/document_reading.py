"""From a file's bytes to a ``PrintedDocument``: its text (``document_text``), then the
document read from it (``read_document``). The command and the upload page both read here, so a
file is refused the same way whichever way it came in.

``read_document`` is ``document_reader.read_document``. Until the formats are merged,
``document_text`` is a small stand-in that reads .txt and .md as UTF-8 text.
"""

from pathlib import PurePath

from django.utils.translation import gettext as _

from kennisstad.core.imports import ImportRefused
from kennisstad.core.text_input import TextInputError, decode_text

from .document_parts import PrintedDocument
from .document_reader import read_document

__all__ = ["MAX_BYTES", "SUFFIXES", "document_text", "read_document", "read_file"]

SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")  # what a folder import reads
MAX_BYTES = 20_000_000  # a whole document as PDF


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


def document_text(data: bytes, filename: str) -> str:
    suffix = PurePath(filename).suffix.lower()
    if suffix not in (".txt", ".md"):
        raise ImportRefused(
            _("%(name)s: this kind of file cannot be read yet") % {"name": PurePath(filename).name}
        )
    try:
        return decode_text(data, max_bytes=MAX_BYTES)
    except TextInputError as exc:
        raise ImportRefused(str(exc)) from exc
