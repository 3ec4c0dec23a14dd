"""The text of a PDF (``pdf_text``) as the reader reads it, page after page.

pypdf's layout mode places each word where the page prints it, so a table's columns are runs
of spaces between cells: three spaces or more become a TAB (one line per row, cells joined by a
TAB, as the other formats give them); its plain mode would join the cells with single spaces,
which no reader can split again. The page's running header and footer (a line at the top or
bottom of most pages, its numbers aside) are dropped, the header kept on the first page (it is
often the document's title, "Begroting 2018"), and so are page numbers.

A PDF protected by a password, or with no text (a scan), is refused: the text must be copied
from the municipality's site instead.
"""

import io
import re
import struct
import zlib
from collections import Counter

from django.utils.translation import gettext as _
from pypdf import PasswordType, PdfReader
from pypdf.errors import DependencyError, PyPdfError

MAX_PAGES = 2_000  # the largest jaarstukken have a few hundred
MAX_CHARACTERS = 10_000_000
COLUMN_GAP_RE = re.compile(r" {3,}")
# "12", "- 12 -", "Pagina 12", "blz. 12", "12 / 80", "12 van 80" at the top or bottom of a page
PAGE_NUMBER_RE = re.compile(
    r"^[-–]?\s*(?:pagina|page|blz\.?|p\.)?\s*(\d{1,4})(?:\s*(?:/|van|of)\s*\d+)?\s*[-–]?$", re.I
)
# A typesetter's ligatures ("ﬁ" in "proﬁlering") and non-breaking spaces, as plain letters
# and spaces (not NFKC: that would make a footnote mark "¹" a digit of the value before it).
LIGATURES = str.maketrans(
    {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st", "\xa0": " "}
)
EDGE_LINES = 2  # lines at the top and at the bottom of a page that may be its header or footer
UNREADABLE_PDF = (
    PyPdfError,
    ValueError,
    KeyError,
    TypeError,
    AttributeError,
    IndexError,
    OSError,
    RecursionError,
    NotImplementedError,
    AssertionError,
    zlib.error,
    struct.error,
    UnicodeError,
)


class UnreadablePdf(ValueError):
    """The file cannot be read as a PDF with text; the message says why."""


def pdf_text(data: bytes) -> str:
    if b"%PDF-" not in data[:1024]:
        raise UnreadablePdf(_("it is not a PDF file"))
    try:
        reader = PdfReader(io.BytesIO(data))
        _refuse_encrypted(reader)
        if len(reader.pages) > MAX_PAGES:
            raise UnreadablePdf(
                _("it has more than %(count)s pages; import it chapter by chapter")
                % {"count": MAX_PAGES}
            )
        pages = _pages_text(reader)
    except UnreadablePdf:
        raise
    except UNREADABLE_PDF as exc:
        raise UnreadablePdf(_("it is not a readable PDF (%(problem)s)") % {"problem": exc}) from exc
    text = "\n".join("\n".join(page) for page in _without_headers_and_page_numbers(pages))
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    if not text:
        raise UnreadablePdf(
            _("the PDF contains no text (it is a scan or an image); copy the text from the "
              "website instead")
        )  # fmt: skip
    return text


def _refuse_encrypted(reader: PdfReader) -> None:
    """A PDF encrypted only against changes (no password to open it) is read, as any viewer
    reads it; one that needs a password to open is refused."""
    if not reader.is_encrypted:
        return
    try:
        opened = reader.decrypt("")
    except (DependencyError, NotImplementedError, PyPdfError):
        opened = PasswordType.NOT_DECRYPTED
    if not opened:
        raise UnreadablePdf(
            _("the PDF is encrypted and cannot be read; copy the text from the website instead")
        )


def _pages_text(reader: PdfReader) -> list[list[str]]:
    pages, characters = [], 0
    for page in reader.pages:
        try:
            raw = page.extract_text(extraction_mode="layout")
        except UNREADABLE_PDF:
            raw = page.extract_text()  # plain mode reads some pages layout mode cannot
        lines = [_columns(line) for line in raw.replace("\r", "\n").split("\n")]
        pages.append(lines)
        characters += sum(map(len, lines))
        if characters > MAX_CHARACTERS:
            raise UnreadablePdf(
                _("it holds more than %(count)s million characters of text")
                % {"count": MAX_CHARACTERS // 1_000_000}
            )
    return pages


def _columns(line: str) -> str:
    """A line of a table as cells joined by a TAB ("" before a first cell that is empty); a line
    of prose as its words."""
    line = line.translate(LIGATURES).rstrip()
    cells = COLUMN_GAP_RE.split(line)
    if len([cell for cell in cells if cell.strip()]) < 2 or _is_justified(line, cells):
        return " ".join(line.split())
    return "\t".join(" ".join(cell.split()) for cell in cells)


def _is_justified(line: str, cells: list[str]) -> bool:
    """A justified line of prose widens every space alike ("Met   onze   kennis   en   de"); a
    table row's gaps differ, or its cells hold spaces or numbers ("2015   2016   2017")."""
    words = [cell for cell in cells if cell]
    gaps = {len(gap) for gap in COLUMN_GAP_RE.findall(line.strip())}
    return (
        len(words) >= 5
        and max(gaps) - min(gaps) <= 1
        and not any(" " in word for word in words)
        and sum(any(c.isdigit() for c in word) for word in words) * 2 < len(words)
    )


def _edges(lines: list[str]) -> tuple[list[int], list[int]]:
    """The indexes of the first and of the last ``EDGE_LINES`` lines with text."""
    filled = [index for index, line in enumerate(lines) if line.strip()]
    return filled[:EDGE_LINES], filled[-EDGE_LINES:]


def _shape(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.split()).lower())


def _page_furniture(pages: list[list[str]]) -> tuple[set[tuple[str, str]], set[int]]:
    """The running lines, as ("top" | "bottom", shape), printed at the same edge of at least
    half the pages (and two); the offsets of printed page numbers to the pages' indexes."""
    shapes: Counter[tuple[str, str]] = Counter()
    offsets: Counter[int] = Counter()
    for index, lines in enumerate(pages):
        seen_shapes: set[tuple[str, str]] = set()
        seen_offsets: set[int] = set()
        for edge, indexes in zip(("top", "bottom"), _edges(lines), strict=True):
            for at in indexes:
                text = lines[at].strip()
                if number := PAGE_NUMBER_RE.match(text):
                    seen_offsets.add(int(number[1]) - index)
                else:
                    seen_shapes.add((edge, _shape(text)))
        shapes.update(seen_shapes)
        offsets.update(seen_offsets)
    least = max(2, (len(pages) + 1) // 2)
    running = {key for key, count in shapes.items() if count >= least}
    return running, {offset for offset, count in offsets.items() if count >= least}


def _without_headers_and_page_numbers(pages: list[list[str]]) -> list[list[str]]:
    if len(pages) < 2:
        return pages
    running, numbering = _page_furniture(pages)
    kept: set[tuple[str, str]] = set()
    result = []
    for index, lines in enumerate(pages):
        dropped = set()
        for edge, indexes in zip(("top", "bottom"), _edges(lines), strict=True):
            for at in indexes:
                text = lines[at].strip()
                if number := PAGE_NUMBER_RE.match(text):
                    if int(number[1]) - index in numbering:
                        dropped.add(at)
                elif (key := (edge, _shape(text))) in running:
                    if edge == "bottom" or key in kept:
                        dropped.add(at)
                    kept.add(key)  # a running header stays once, where it is first printed
        result.append([line for at, line in enumerate(lines) if at not in dropped])
    return result
