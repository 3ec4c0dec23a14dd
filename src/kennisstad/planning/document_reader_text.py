"""A chapter's running text as the reader keeps it: paragraphs (consecutive non-blank lines,
joined by a newline), the bullets of a block of bullet lines, and the sentence explaining the
dash that some documents print above their indicator table (kept as the table's note)."""

from django.utils.translation import gettext as _

from kennisstad.indicators.formatting import clean_cell

from .chapter_text_parts import ChapterFormatError, SectionText
from .document_parts import PrintedChapter
from .document_reader_lines import BULLET_RE

MAX_ACTIONS = 500  # bullets of one chapter's sections


def blocks(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Consecutive non-blank lines as one paragraph, with the line number of its first line."""
    found: list[tuple[int, str]] = []
    current: list[str] = []
    start = 0
    for number, line in [*lines, (0, "")]:
        if line.strip():
            if not current:
                start = number
            current.append(line.rstrip())
        elif current:
            found.append((start, "\n".join(current)))
            current = []
    return found


def is_dash_note(block: str) -> bool:
    """ "Met de volgende indicatoren ... staat er een streepje": said of the table below."""
    lowered = block.lower()
    return "indicator" in lowered and ("streepje" in lowered or "gemeten" in lowered)


def keep_text(
    chapter: PrintedChapter, section: SectionText | None, found: list[tuple[int, str]]
) -> None:
    """Paragraphs into the section (a block of bullet lines only: its bullets), or into the
    chapter's introduction before its first section."""
    for start, block in found:
        if section is None:
            chapter.introduction.append(block)
            continue
        bullet_lines = [BULLET_RE.match(line) for line in block.splitlines()]
        if not all(bullet_lines):
            section.paragraphs.append(block)
            continue
        section.bullets.extend(clean_cell(match[1]) for match in bullet_lines if match)
        if sum(len(part.bullets) for part in chapter.sections) > MAX_ACTIONS:
            raise ChapterFormatError(
                start, _("more than %(count)d actions") % {"count": MAX_ACTIONS}
            )
