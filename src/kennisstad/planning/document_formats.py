"""From a file's bytes to the text the reader reads (``document_text``), whatever format the
municipality published it in: text copied from its P&C site or a PDF (.txt, .md), a page saved
from that site (.html, .htm), a Word file (.docx), a PDF (.pdf).

Every format gives the same kind of text: a heading or paragraph on a line of its own with a
blank line between blocks, a list item on a line starting with "- ", and a table row on one line
with its cells joined by a TAB (empty cells keep a merged cell's neighbours in their columns).
A file that cannot be read is refused (``ImportRefused``) with its name and what is wrong.
"""

import io
import logging
from pathlib import PurePath

from django.utils.translation import gettext as _

from kennisstad.core.imports import ImportRefused
from kennisstad.core.text_input import TextInputError, decode_text
from kennisstad.core.zip_files import declared_unpacked_size

MAX_BYTES = 20_000_000  # a whole document as PDF
# A Word file is a zip: what it declares to unpack to is checked before python-docx, which
# holds every part in memory, opens it. Its pictures do not shrink in a zip, its text does.
MAX_UNPACKED_BYTES = 5 * MAX_BYTES
TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
SUFFIXES = (*TEXT_SUFFIXES, *HTML_SUFFIXES, ".docx", ".pdf")
# Control characters a PDF's or page's text may hold (an unmapped glyph is often NUL, which
# PostgreSQL cannot store): all but TAB and line break are left out of the text read.
CONTROL_CHARACTERS = dict.fromkeys(c for c in [*range(32), 127] if c not in (9, 10))
# A cell merged over more columns than this (colspan, gridSpan) is a broken or hostile file,
# not a wider table; a row wider than MAX_COLUMNS is refused (it would fill memory).
MAX_SPAN = 100
MAX_COLUMNS = 1_000

logger = logging.getLogger(__name__)


class UnreadableDocument(ValueError):
    """What is wrong with the file, without its name (``document_text`` adds it)."""


def document_text(data: bytes, filename: str) -> str:
    """The file's text; raises ``ImportRefused`` naming the file and the problem."""
    name = PurePath(filename).name
    suffix = PurePath(filename).suffix.lower()
    if suffix not in SUFFIXES:
        raise ImportRefused(
            _("%(name)s: a %(suffix)s file cannot be read; the formats read are %(formats)s.")
            % {"name": name, "suffix": suffix or _("(no suffix)"), "formats": ", ".join(SUFFIXES)}
        )
    try:
        if len(data) > MAX_BYTES:
            raise UnreadableDocument(
                _("the file is larger than %(size)s MB") % {"size": MAX_BYTES // 1_000_000}
            )
        if not data.strip():
            raise UnreadableDocument(_("the file is empty"))
        text = _read(data, suffix)
    except (UnreadableDocument, TextInputError) as exc:
        raise ImportRefused(
            _("%(name)s: %(problem)s") % {"name": name, "problem": str(exc).rstrip(".")}
        ) from exc
    if not text.strip():
        raise ImportRefused(_("%(name)s: the file contains no text.") % {"name": name})
    return text


def _read(data: bytes, suffix: str) -> str:
    if suffix in TEXT_SUFFIXES:
        return decode_text(data, max_bytes=MAX_BYTES)  # a NUL in a text file is refused there
    return _read_published(data, suffix).translate(CONTROL_CHARACTERS)


def _read_published(data: bytes, suffix: str) -> str:
    """The one guard for every format: whatever a library or our reading raises on a damaged
    or hostile file (a RecursionError, a MemoryError, an error type pypdf or python-docx adds)
    is a refusal, never a server error."""
    try:
        return _read_format(data, suffix)
    except UnreadableDocument:
        raise
    except (Exception, RecursionError, MemoryError) as exc:
        logger.warning("Unreadable %s file: %r", suffix, exc, exc_info=True)
        raise UnreadableDocument(
            _("it is not a readable %(suffix)s file") % {"suffix": suffix}
        ) from exc


def check_row_width(columns: int) -> None:
    """Refuses a table row wider than ``MAX_COLUMNS`` (merged cells counted as spanned)."""
    if columns > MAX_COLUMNS:
        raise UnreadableDocument(
            _("a table row has more than %(count)s columns") % {"count": MAX_COLUMNS}
        )


def _read_format(data: bytes, suffix: str) -> str:
    # Each format's module (and python-docx, pypdf) is imported when a file of it is read.
    if suffix in HTML_SUFFIXES:
        from .document_format_html import html_text

        return html_text(data)
    if suffix == ".docx":
        return _docx(data)
    from .document_format_pdf import UnreadablePdf, pdf_text

    try:
        return pdf_text(data)
    except UnreadablePdf as exc:
        raise UnreadableDocument(str(exc)) from exc


def _docx(data: bytes) -> str:
    import docx

    from .document_format_docx import UNREADABLE_DOCX, docx_text

    if not data.startswith(b"PK"):
        raise UnreadableDocument(_("it is not a Word document (.docx)"))
    unpacked = declared_unpacked_size(data)
    if unpacked is not None and unpacked > MAX_UNPACKED_BYTES:
        raise UnreadableDocument(
            _("the Word document unpacks to more than %(size)s MB")
            % {"size": MAX_UNPACKED_BYTES // 1_000_000}
        )
    try:
        document = docx.Document(io.BytesIO(data))
        return docx_text(document)
    except UNREADABLE_DOCX as exc:
        raise UnreadableDocument(
            _("it is not a readable Word document (.docx): %(problem)s") % {"problem": exc}
        ) from exc
