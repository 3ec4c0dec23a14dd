"""Reading a budget chapter from plain text, in the layout municipal documents are copied out
of PDF: one table cell per line, non-breaking spaces, bullets, Dutch numbers.

``parse_chapter`` only reads; it writes nothing. Anything it cannot read is refused with the
line number, so an import is all or nothing.
"""

import re

from django.utils.translation import gettext as _

from kennisstad.indicators.formatting import clean_cell
from kennisstad.policy.models import PolicyArea

from .chapter_text_parts import (
    ChapterFormatError,
    Lines,
    ParsedChapter,
    SectionText,
    field_length,
    refuse_longer_than,
    section_kind,
)
from .chapter_text_table import MAX_INDICATOR_ROWS, TABLE_HEADING, parse_table

__all__ = ["MAX_INDICATOR_ROWS", "ChapterFormatError", "ParsedChapter", "parse_chapter"]

DOCUMENT_RE = re.compile(r"^(Begroting|Jaarstukken|Jaarverslag|Jaarrekening)\s+(\d{4})$", re.I)
POLICY_FIELD_RE = re.compile(r"^(\d+(?:\.\d+)+)\s+(\S.*)$")
# Beyond these a text is no budget chapter (and its sections' and actions' order would not fit).
FIRST_YEAR, LAST_YEAR = 1900, 2999
MAX_SECTIONS = 30
MAX_ACTIONS = 500
MAX_LINES = 20_000  # a full table of MAX_INDICATOR_ROWS rows takes about 2,000
_TITLE_LENGTH = field_length(PolicyArea, "title_nl")
BULLET_RE = re.compile(r"^\s*[•·\-\*▪◦–]\s+(.*)$")


def parse_chapter(text: str) -> ParsedChapter:
    lines = Lines(text)
    if len(lines.items) > MAX_LINES:
        raise ChapterFormatError(
            MAX_LINES + 1,
            _("more than %(count)d lines: a chapter is never that long (is this one chapter?)")
            % {"count": MAX_LINES},
        )
    chapter = _parse_head(lines)
    _parse_introduction(lines, chapter)
    if not lines.at_end and clean_cell(lines.current[1]).lower() == TABLE_HEADING:
        lines.position += 1
        parse_table(lines, chapter)
    _parse_sections(lines, chapter)
    return chapter


def _parse_head(lines: Lines) -> ParsedChapter:
    """The document ("Begroting 2018"), the programme's title if given, the policy field."""
    first = lines.next_nonblank()
    if first is None:
        raise ChapterFormatError(1, _("the file is empty"))
    match = DOCUMENT_RE.match(clean_cell(first[1]))
    if not match:
        raise ChapterFormatError(
            first[0],
            _("expected the document, e.g. “Begroting 2018”, found “%(text)s”")
            % {"text": clean_cell(first[1])},
        )
    kind = "begroting" if match[1].lower() == "begroting" else "jaarstukken"
    item = lines.next_nonblank()
    if item is None:
        raise ChapterFormatError(first[0] + 1, _("the programme and policy field are missing"))
    programme_title = ""
    if not POLICY_FIELD_RE.match(clean_cell(item[1])):
        programme_title = clean_cell(item[1])
        refuse_longer_than(
            programme_title, _TITLE_LENGTH, line=item[0], what=_("the programme's title")
        )
        item = lines.next_nonblank()
    if item is None or not (field_match := POLICY_FIELD_RE.match(clean_cell(item[1]))):
        raise ChapterFormatError(
            item[0] if item else len(lines.items),
            _("expected the policy field with its code, e.g. “2.1.4 (Inter)nationaal …”"),
        )
    _check_head(int(match[2]), first[0], field_match, item[0])
    return ParsedChapter(
        kind,
        int(match[2]),
        programme_title,
        field_match[1],
        field_match[2],
        policy_field_line=item[0],
    )


def _check_head(year: int, year_line: int, field_match: re.Match[str], field_line: int) -> None:
    """Refuse a year no document has and titles or a code longer than a policy area holds."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ChapterFormatError(
            year_line,
            _("the year %(year)d is not between %(first)d and %(last)d")
            % {"year": year, "first": FIRST_YEAR, "last": LAST_YEAR},
        )
    code_length = field_length(PolicyArea, "code")
    refuse_longer_than(
        field_match[1], code_length, line=field_line, what=_("the policy field's code")
    )
    refuse_longer_than(
        field_match[2], _TITLE_LENGTH, line=field_line, what=_("the policy field's title")
    )


def _parse_introduction(lines: Lines, chapter: ParsedChapter) -> None:
    """Paragraphs up to the table or the first section; the one explaining the dash is the
    note above the table."""
    intro_lines = []
    while not lines.at_end:
        number, line = lines.current
        if clean_cell(line).lower() == TABLE_HEADING or section_kind(line):
            break
        intro_lines.append((number, line))
        lines.position += 1
    for _start, block in _blocks(intro_lines):
        lowered = block.lower()
        if "indicator" in lowered and ("streepje" in lowered or "gemeten" in lowered):
            chapter.indicator_note = block
        else:
            chapter.introduction.append(block)


def _parse_sections(lines: Lines, chapter: ParsedChapter) -> None:
    current: SectionText | None = None
    section_lines: list[tuple[int, str]] = []
    while not lines.at_end:
        number, line = lines.current
        lines.position += 1
        kind_of_heading = section_kind(line)
        if kind_of_heading:
            _close_section(chapter, current, section_lines)
            if len(chapter.sections) >= MAX_SECTIONS:
                raise ChapterFormatError(
                    number, _("more than %(count)d sections") % {"count": MAX_SECTIONS}
                )
            current, section_lines = SectionText(kind_of_heading, clean_cell(line), number), []
        elif current is None:
            if line.strip():
                raise ChapterFormatError(
                    number, _("text after the table that belongs to no section")
                )
        elif _looks_like_heading(line):
            raise ChapterFormatError(
                number,
                _(
                    "“%(text)s” looks like a section heading but is not one of "
                    "“Hoe staan we ervoor?”, “Wat willen we bereiken (in YYYY)?”, "
                    "“Wat gaan we hiervoor doen?” (or the jaarstukken headings)"
                )
                % {"text": clean_cell(line)},
            )
        else:
            section_lines.append((number, line))
    _close_section(chapter, current, section_lines)


def _close_section(chapter, current: SectionText | None, section_lines) -> None:
    """A section's paragraphs, and its bullets (a block of bullet lines only)."""
    if current is None:
        return
    for start, block in _blocks(section_lines):
        bullet_lines = [BULLET_RE.match(line) for line in block.splitlines()]
        if all(bullet_lines):
            current.bullets.extend(clean_cell(match[1]) for match in bullet_lines)
            if sum(len(section.bullets) for section in (*chapter.sections, current)) > MAX_ACTIONS:
                raise ChapterFormatError(
                    start, _("more than %(count)d actions") % {"count": MAX_ACTIONS}
                )
        else:
            current.paragraphs.append(block)
    chapter.sections.append(current)


def _blocks(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Group consecutive non-blank lines into paragraphs (line number of the first line)."""
    blocks, current, start = [], [], 0
    for number, line in [*lines, (0, "")]:
        if line.strip():
            if not current:
                start = number
            current.append(line.rstrip())
        elif current:
            blocks.append((start, "\n".join(current)))
            current = []
    return blocks


def _looks_like_heading(line: str) -> bool:
    """A short question on its own line, as the chapter's section headings are."""
    text = clean_cell(line)
    return text.endswith("?") and len(text) < 60 and not BULLET_RE.match(line)
