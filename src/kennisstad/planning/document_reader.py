"""Reading a published P&C document from its text: a chapter, a deelprogramma page or a whole
document of many chapters, as copied from a municipality's P&C site or a PDF, or as
``document_formats`` extracts it from HTML, .docx and PDF.

``read_document`` walks the lines once: the document's title or the kind and year given
(``document_reader_head``); chapters (a coded heading, "Deelprogramma 2.1: ...", or a title line
followed by a section heading or a table label; a programme's heading titles its chapters; a
heading repeated atop a page is skipped); per chapter its introduction, its sections and its
tables, each after its label or where a header line stands on its own, read one cell per line
(``document_reader_table``) or one row per line (``document_reader_rows``: TAB, pipes, spaces).
The paragraph explaining the dash and the footnotes under a table are its note; "Wat mag het
kosten?" and its money table are text. docs/developers/how-to-teach-the-reader-a-layout.md
lists every layout and how it is read.

Whatever is not read with certainty is refused (``ChapterFormatError``) with its line and the
reason; nothing is guessed, no number the document does not print. At the end the columns
headed only by a year get their kind from the document's kind and year (``settle_bare_years``).
"""

import re

from django.utils.translation import gettext as _

from kennisstad.policy.models import PolicyArea

from .chapter_text_parts import (
    ChapterFormatError,
    Lines,
    SectionText,
    field_length,
    refuse_longer_than,
)
from .document_parts import PrintedChapter, PrintedDocument, PrintedTable
from .document_reader_breaks import is_page_header, is_table_row
from .document_reader_cells import looks_like_value
from .document_reader_columns import (
    header_cell,
    is_name_header,
    is_number_header,
    refuse_single_spaced,
    settle_bare_years,
)
from .document_reader_head import refuse_no_document, refuse_printed_twice, which_document
from .document_reader_lines import (
    FINANCE,
    coded_heading,
    document_title,
    is_footnote_paragraph,
    may_be_title,
    normalised,
    numbered_title,
    section_heading,
    skip_to_next_coded_heading,
    table_label,
    without_site_furniture,
)
from .document_reader_rows import layout_of
from .document_reader_tables import (
    SENTENCE,
    label_in_header,
    names_header,
    read_table,
    starts_table,
)
from .document_reader_text import blocks, is_dash_note, keep_text

__all__ = ["read_document"]

MAX_LINES = 200_000  # a whole jaarstukken as text is some 50,000 lines
MAX_SECTIONS = 30  # of one chapter
CODE_LENGTH = field_length(PolicyArea, "code")
TITLE_LENGTH = field_length(PolicyArea, "title_nl")
INDICATORS_HEADING_RE = re.compile(r"indicator|kengetal", re.I)  # a sub-heading, no chapter


def read_document(
    text: str,
    *,
    kind: str | None = None,
    year: int | None = None,
    accept_unreadable: bool = False,
    per_chapter: bool = False,
) -> PrintedDocument:
    """The document ``text`` prints (``kind``, ``year``: when it has no title). Raises
    ``ChapterFormatError``; ``accept_unreadable`` keeps an unreadable cell as text, flagged;
    ``per_chapter`` marks a coded chapter it cannot read refused and goes on at the next one."""
    lines = Lines(without_site_furniture(text))
    refuse_no_document(text, lines, MAX_LINES)
    document = which_document(lines, kind, year)
    reader = _Reader(lines, document, accept_unreadable=accept_unreadable)
    reader.per_chapter = per_chapter
    reader.read()
    refusals = [chapter.refused for chapter in document.chapters if chapter.refused]
    if refusals and len(refusals) == len(document.chapters):
        raise refusals[0]  # nothing readable: the document is refused as a whole
    settle_bare_years(document)
    return document


class _Reader:
    def __init__(self, lines: Lines, document: PrintedDocument, *, accept_unreadable: bool):
        self.lines = lines
        self.document = document
        self.accept_unreadable = accept_unreadable
        self.chapter: PrintedChapter | None = None
        self.section: SectionText | None = None
        self.text: list[tuple[int, str]] = []  # lines of running text not yet kept
        self.programme_title = ""  # a programme's title printed without a code
        self.programmes: dict[str, str] = {}  # programme code -> its title
        self.after_blank = True  # the line before the current one was blank (or a table)
        self.table: PrintedTable | None = None  # the table just read, for its footnotes
        self.per_chapter = False  # a refused chapter is marked, the document read on

    def read(self) -> None:
        if self.document.title_line is not None:
            self.lines.position = self.document.title_line
        while not self.lines.at_end:
            number, raw = self.lines.current
            text = normalised(raw)
            if not text:
                self.text.append((number, raw))
                self.lines.position += 1
                self.after_blank = True
                continue
            blank_before = self.after_blank
            self.after_blank = False
            try:
                self._line(number, raw, text, blank_before)
            except ChapterFormatError as error:
                if not (self.per_chapter and self.chapter is not None and self.chapter.code):
                    raise
                self._skip_refused_chapter(error)
        self._keep_text()
        if not self.document.chapters:
            raise ChapterFormatError(
                self._first_line(),
                _(
                    "no chapter found: expected a chapter heading such as “2.1.4 (Inter)nationaal "
                    "Kennisstad”, or a chapter's title followed by a section heading (“Wat "
                    "willen we bereiken?”) or a table label (“Prestatie-indicatoren”)"
                ),
            )

    def _line(self, number: int, raw: str, text: str, blank_before: bool) -> None:
        in_finance = self.section is not None and self.section.kind == FINANCE
        if in_finance and not self._ends_finance(text, blank_before):
            self.text.append((number, raw))  # its money table is kept as text
            self.lines.position += 1
            return
        if blank_before and (heading := coded_heading(text)) is not None:
            self._coded(number, *heading)
        elif blank_before and self.chapter is None and self._is_programme_title(text):
            code, programme = numbered_title(text)  # "2 Economie": the title of chapters 2.x
            if code:
                self.programmes[code] = programme
            else:
                self.programme_title = programme
            self.text = []
        elif blank_before and not is_table_row(raw) and self._is_uncoded_title(text):
            if not self._is_page_header(text):
                self._start_chapter(*numbered_title(text), number)
        elif blank_before and self.chapter is None and self._label_as_page_title(text):
            self._start_chapter("", text, number)  # "Wettelijke beleidsindicatoren" page
        elif (section := section_heading(text)) is not None:
            self._section(number, text, section[0])
        elif (kind := table_label(text)) is not None and not self._heads_labels(text):
            self.lines.position += 1
            self._table(text.rstrip(":").strip(), kind, number)
            return
        elif starts_table(raw, text, self._peek()):
            self._table(*label_in_header(raw), number)
            return
        elif (title := document_title(text)) is not None:
            self._title_again(number, text, title)
        elif (
            self.table is not None and not self._text_since_table() and is_footnote_paragraph(text)
        ):
            self._footnote()
            return
        else:
            if not layout_of(raw) and "|" not in raw:  # one line, no cells told apart
                refuse_single_spaced(number, text)
            self.text.append((number, raw))
        self.lines.position += 1

    def _skip_refused_chapter(self, error: ChapterFormatError) -> None:
        """Nothing of a refused chapter is kept; reading resumes at the next coded chapter."""
        assert self.chapter is not None
        self.chapter.refused = error
        self.section, self.table, self.text, self.after_blank = None, None, [], True
        skip_to_next_coded_heading(self.lines)

    def _heads_labels(self, text: str) -> bool:
        """ "Indicatoren" heading the names' column, or a page's heading over the tables'
        own labels ("Indicatoren" above "Beleidsindicatoren BBV"): no label of a table."""
        following = self._peek() or ""
        return names_header(text, following) or (
            table_label(following) is not None and not is_name_header(following)
        )

    def _ends_finance(self, text: str, blank_before: bool) -> bool:
        """ "Wat mag het kosten?" holds a money table ("Begroting 2019" heading a column of
        euros): only the next section or chapter ends it."""
        return bool(
            section_heading(text)
            or table_label(text)
            or (blank_before and coded_heading(text))
            or (blank_before and self._is_uncoded_title(text))
        )

    # --- chapters -------------------------------------------------------------------------

    def _title_again(self, number: int, text: str, title: tuple[str, int]) -> None:
        """A page header repeating the title is skipped; another document's title refused."""
        if title != (self.document.kind, self.document.year):
            raise ChapterFormatError(
                number,
                _(
                    "“%(text)s”: a second document in the text, which is %(kind)s %(year)s; "
                    "import one document per file"
                )
                % {"text": text, "kind": self.document.kind, "year": self.document.year},
            )

    def _coded(self, number: int, code: str, title: str) -> None:
        chapter = self.chapter
        if chapter is not None and (chapter.code, chapter.title) == (code, title):
            return  # the chapter's heading repeated at the top of a page
        self._refuse_printed_twice(code, number)
        following = self._peek()
        if following is not None and coded_heading(following) is not None:
            self._keep_text()
            self.chapter, self.section, self.text = None, None, []
            self.programmes[code] = title  # a programme's heading, its chapters follow
            return
        self._start_chapter(code, title, number)

    def _refuse_printed_twice(self, code: str, number: int) -> None:
        refuse_printed_twice(self.document, code, number)

    def _is_page_header(self, text: str) -> bool:
        return is_page_header(text, self.document, self.chapter, self.programmes)

    def _start_chapter(self, code: str, title: str, number: int) -> None:
        self._refuse_printed_twice(code, number)
        refuse_longer_than(code, CODE_LENGTH, line=number, what=_("the chapter's code"))
        refuse_longer_than(title, TITLE_LENGTH, line=number, what=_("the chapter's title"))
        self._keep_text()
        previous = self.chapter
        if (
            previous is not None
            and previous.code
            and code.startswith(previous.code + ".")
            and not previous.tables
            and not previous.sections
        ):  # a programme's heading with its introduction: a title for its chapters
            self.document.chapters.remove(previous)
            self.programmes[previous.code] = previous.title
        programme = self.programmes.get(code.split(".")[0], "") if code else ""
        self.chapter = PrintedChapter(
            code, title, number, programme_title=programme or self.programme_title
        )
        self.document.chapters.append(self.chapter)
        self.section, self.table, self.text = None, None, []

    def _is_programme_title(self, text: str) -> bool:
        """A short line followed at once by the first chapter's coded heading."""
        following = self._peek(blank_before=True)
        return (
            may_be_title(text)
            and not document_title(text)
            and following is not None
            and coded_heading(following) is not None
            and not looks_like_value(text)
        )

    def _is_uncoded_title(self, text: str) -> bool:
        """A short line on its own followed by a section heading or a table label (not one
        heading the indicators: "Beleids- en prestatie-indicatoren")."""
        if not may_be_title(text) or text.endswith("?") or looks_like_value(text):
            return False
        if section_heading(text) or table_label(text) or is_footnote_paragraph(text):
            return False
        if document_title(text) or INDICATORS_HEADING_RE.search(text):
            return False
        if header_cell(text) or is_name_header(text) or is_number_header(text):
            return False
        following = self._peek()
        return following is not None and bool(section_heading(following) or table_label(following))

    def _label_as_page_title(self, text: str) -> bool:
        """A table label as a page's first line, followed by a sentence: the page's title."""
        following = self._peek()
        return (
            not self.document.chapters
            and not self._text_since_table()
            and table_label(text) is not None
            and following is not None
            and (len(following) > SENTENCE or following.endswith("."))
            and "\t" not in (self._peek(raw=True) or "")  # a table's header row is no sentence
        )

    def _headless(self, number: int) -> None:
        """A page with sections or a table but no heading: its first line, short and on its
        own, is the chapter's title; the rest before is its introduction."""
        found = blocks(self.text)
        if not found or "\n" in found[0][1] or not may_be_title(found[0][1]):
            raise ChapterFormatError(
                found[0][0] if found else number,
                _(
                    "the text before this has no chapter heading: start the chapter with its "
                    "title on a line of its own (“2.1.4 (Inter)nationaal Kennisstad” or "
                    "“Groningen Kennisstad”)"
                ),
            )
        start, title = found[0]
        rest = [(line, raw) for line, raw in self.text if line > start]
        self.text = []
        self._start_chapter(*numbered_title(normalised(title)), start)
        self.text = rest  # its introduction (or the note above its first table)

    # --- sections and text ----------------------------------------------------------------

    def _section(self, number: int, text: str, kind: str) -> None:
        if self.chapter is None:
            self._headless(number)
        chapter = self.chapter
        assert chapter is not None
        self._keep_text()
        if len(chapter.sections) >= MAX_SECTIONS:
            raise ChapterFormatError(
                number, _("more than %(count)d sections") % {"count": MAX_SECTIONS}
            )
        self.section = SectionText(kind, text, number)
        chapter.sections.append(self.section)
        self.table = None

    def _keep_text(self, *, before_table: bool = False) -> str:
        """Keep the running text read so far; returns the note explaining the dash when it
        is the last paragraph before a table."""
        found, self.text = blocks(self.text), []
        note = ""
        if before_table and found and is_dash_note(found[-1][1]):
            note = found.pop()[1]
        if self.chapter is not None:
            keep_text(self.chapter, self.section, found)
        return note

    def _text_since_table(self) -> bool:
        return any(raw.strip() for _number, raw in self.text)

    def _first_line(self) -> int:
        start = self.document.title_line or 0
        for number, raw in self.lines.items[start:]:
            if raw.strip():
                return number
        return 1

    def _peek(self, *, blank_before: bool = False, raw: bool = False) -> str | None:
        """The next non-blank line's text (with ``blank_before``: only if a blank precedes;
        with ``raw``: as printed, its TABs kept)."""
        items = self.lines.items
        for offset, (_number, line) in enumerate(items[self.lines.position + 1 :]):
            if text := normalised(line):
                if offset == 0 and blank_before:
                    return None
                return line if raw else text
        return None

    # --- tables ---------------------------------------------------------------------------

    def _table(self, label: str, kind: str, number: int) -> None:
        if self.chapter is None:
            self._headless(number)
        chapter = self.chapter
        assert chapter is not None
        note = self._keep_text(before_table=True)
        self.table = read_table(
            self.lines,
            label,
            kind,
            number,
            accept_unreadable=self.accept_unreadable,
            page_header=self._is_page_header,
        )
        self.table.note = "\n\n".join(part for part in (note, self.table.note) if part)
        chapter.tables.append(self.table)
        self.after_blank = True

    def _footnote(self) -> None:
        """A footnote under the table (to its first blank line): added to the table's note."""
        table = self.table
        assert table is not None
        found: list[tuple[int, str]] = []
        while not self.lines.at_end and self.lines.current[1].strip():
            found.append(self.lines.current)
            self.lines.position += 1
        table.note = "\n\n".join(
            part for part in (table.note, *(block for _s, block in blocks(found))) if part
        )
