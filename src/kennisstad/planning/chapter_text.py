"""Reading a budget chapter from plain text, in the layout municipal documents are copied out
of PDF: one table cell per line, non-breaking spaces, bullets, Dutch numbers.

``parse_chapter`` only reads; it writes nothing. Anything it cannot read is refused with the
line number, so an import is all or nothing.
"""

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from kennisstad.indicators.formatting import (
    MAX_DECIMAL_PLACES,
    MAX_WHOLE_DIGITS,
    ParsedValue,
    UnreadableValue,
    ValueOutOfRange,
    clean_cell,
    looks_like_value,
    parse_value,
)

DOCUMENT_RE = re.compile(r"^(Begroting|Jaarstukken|Jaarverslag|Jaarrekening)\s+(\d{4})$", re.I)
POLICY_FIELD_RE = re.compile(r"^(\d+(?:\.\d+)+)\s+(\S.*)$")
TABLE_HEADING = "prestatie-indicatoren"
COLUMN_LABEL_RE = re.compile(
    r"^(Behaald|Gerealiseerd|Realisatie|Begroting|Begroot|Beoogd|Streefwaarde|Doel)(?:\s+(\d{4}))?$",
    re.I,
)
YEAR_RE = re.compile(r"^(\d{4})$")
CELL_PREFIX_RE = re.compile(r"^(Beoogd|Begroting|Begroot|Streefwaarde|Doel|Behaald)\s+", re.I)
SECTION_HEADINGS = [
    (re.compile(r"^Hoe staan we ervoor\??$", re.I), "current_state"),
    (re.compile(r"^Wat willen we bereiken(?: in \d{4})?\??$", re.I), "aims"),
    (re.compile(r"^Wat hebben we bereikt\??$", re.I), "aims"),
    (re.compile(r"^Wat gaan we (?:hiervoor|daarvoor) doen\??$", re.I), "actions"),
    (re.compile(r"^Wat hebben we (?:hiervoor|daarvoor) gedaan\??$", re.I), "actions"),
]
BULLET_RE = re.compile(r"^\s*[•·\-\*▪◦–]\s+(.*)$")
REALISED_LABELS = {"behaald", "gerealiseerd", "realisatie"}
# A chapter prints a handful of indicators; the import writes each one (with its values) in
# the import's one transaction, so a text far longer is refused while it is read.
MAX_INDICATOR_ROWS = 200


class ChapterFormatError(ValueError):
    """The text does not read as a chapter; ``line`` is 1-based."""

    def __init__(self, line: int, message: str):
        self.line = line
        self.message = message
        super().__init__(_("line %(line)s: %(message)s") % {"line": line, "message": message})


@dataclass
class Column:
    label: str  # e.g. "Behaald", "Begroting", "Beoogd"
    year: int
    line: int

    @property
    def is_realisation(self) -> bool:
        return self.label.lower() in REALISED_LABELS

    @property
    def title(self) -> str:
        return f"{self.label} {self.year}"


@dataclass
class Cell:
    column: Column
    value: ParsedValue
    line: int


@dataclass
class Row:
    name: str
    line: int
    cells: list[Cell] = field(default_factory=list)


@dataclass
class SectionText:
    kind: str
    heading: str
    line: int
    paragraphs: list[str] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)


@dataclass
class ParsedChapter:
    document_kind: str  # "begroting" or "jaarstukken"
    year: int
    programme_title: str
    policy_field_code: str
    policy_field_title: str
    introduction: list[str] = field(default_factory=list)
    indicator_note: str = ""
    columns: list[Column] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    sections: list[SectionText] = field(default_factory=list)


def section_kind(line: str) -> str | None:
    text = clean_cell(line)
    for pattern, kind in SECTION_HEADINGS:
        if pattern.match(text):
            return kind
    return None


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


def parse_chapter(text: str) -> ParsedChapter:
    lines = [(number, line) for number, line in enumerate(text.splitlines(), start=1)]
    position = 0

    def next_nonblank() -> tuple[int, str] | None:
        nonlocal position
        while position < len(lines) and not lines[position][1].strip():
            position += 1
        if position >= len(lines):
            return None
        item = lines[position]
        position += 1
        return item

    first = next_nonblank()
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
    year = int(match[2])

    item = next_nonblank()
    if item is None:
        raise ChapterFormatError(first[0] + 1, _("the programme and policy field are missing"))
    programme_title = ""
    if not POLICY_FIELD_RE.match(clean_cell(item[1])):
        programme_title = clean_cell(item[1])
        item = next_nonblank()
    if item is None or not (field_match := POLICY_FIELD_RE.match(clean_cell(item[1]))):
        number = item[0] if item else len(lines)
        raise ChapterFormatError(
            number,
            _("expected the policy field with its code, e.g. “2.1.4 (Inter)nationaal …”"),
        )
    chapter = ParsedChapter(kind, year, programme_title, field_match[1], field_match[2])

    # Introduction up to the table or the first section.
    intro_lines = []
    while position < len(lines):
        number, line = lines[position]
        if clean_cell(line).lower() == TABLE_HEADING or section_kind(line):
            break
        intro_lines.append((number, line))
        position += 1
    for _start, block in _blocks(intro_lines):
        lowered = block.lower()
        if "indicator" in lowered and ("streepje" in lowered or "gemeten" in lowered):
            chapter.indicator_note = block
        else:
            chapter.introduction.append(block)

    if position < len(lines) and clean_cell(lines[position][1]).lower() == TABLE_HEADING:
        position += 1
        position = _parse_table(lines, position, chapter)

    # Sections.
    section_lines: list[tuple[int, str]] = []
    current: SectionText | None = None

    def close_section() -> None:
        if current is None:
            return
        for _start, block in _blocks(section_lines):
            bullet_lines = [BULLET_RE.match(line) for line in block.splitlines()]
            if all(bullet_lines):
                current.bullets.extend(clean_cell(match[1]) for match in bullet_lines)
            else:
                current.paragraphs.append(block)
        chapter.sections.append(current)

    while position < len(lines):
        number, line = lines[position]
        position += 1
        kind_of_heading = section_kind(line)
        if kind_of_heading:
            close_section()
            current = SectionText(kind_of_heading, clean_cell(line), number)
            section_lines = []
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
    close_section()
    return chapter


def _parse_table(lines: list[tuple[int, str]], position: int, chapter: ParsedChapter) -> int:
    """Read the header cells and then rows of an indicator name followed by one cell per column."""

    def skip_blank(at: int) -> int:
        while at < len(lines) and not lines[at][1].strip():
            at += 1
        return at

    position = skip_blank(position)
    while position < len(lines):
        number, line = lines[position]
        match = COLUMN_LABEL_RE.match(clean_cell(line))
        if not match:
            break
        label, year = match[1], match[2]
        position += 1
        if year is None:
            position = skip_blank(position)
            year_line = clean_cell(lines[position][1]) if position < len(lines) else ""
            if not YEAR_RE.match(year_line):
                raise ChapterFormatError(
                    lines[position][0] if position < len(lines) else number,
                    _("the column “%(label)s” has no year") % {"label": label},
                )
            year = year_line
            position += 1
        chapter.columns.append(Column(label.capitalize(), int(year), number))
        position = skip_blank(position)
    if not chapter.columns:
        number = lines[position][0] if position < len(lines) else len(lines)
        raise ChapterFormatError(number, _("the indicator table has no column headers"))
    _check_columns(chapter)

    width = len(chapter.columns)
    while True:
        position = skip_blank(position)
        if position >= len(lines) or section_kind(lines[position][1]):
            break
        number, line = lines[position]
        name = clean_cell(line)
        if looks_like_value(name):
            raise ChapterFormatError(
                number,
                _(
                    "expected an indicator name, found the value “%(value)s”: "
                    "the row above has more cells than the table has columns"
                )
                % {"value": name},
            )
        row = Row(name, number)
        position += 1
        for column in chapter.columns:
            position = skip_blank(position)
            if position >= len(lines) or section_kind(lines[position][1]):
                at = lines[position][0] if position < len(lines) else lines[-1][0]
                raise ChapterFormatError(
                    at,
                    _missing_cell(name, number, len(row.cells), width, column),
                )
            cell_number, cell_line = lines[position]
            text = CELL_PREFIX_RE.sub("", clean_cell(cell_line))
            try:
                value = parse_value(text)
            except ValueOutOfRange:
                raise ChapterFormatError(
                    cell_number,
                    f"the value {text!r} for '{column.title}' has more than "
                    f"{MAX_WHOLE_DIGITS} digits before the decimal comma or more than "
                    f"{MAX_DECIMAL_PLACES} after it",
                ) from None
            except UnreadableValue:
                if _looks_like_text(text):
                    raise ChapterFormatError(
                        cell_number,
                        _missing_cell(name, number, len(row.cells), width, column),
                    ) from None
                message = (
                    _("unreadable realisation “%(value)s” for “%(column)s”")
                    if column.is_realisation
                    else _("unreadable target “%(value)s” for “%(column)s”")
                )
                raise ChapterFormatError(
                    cell_number,
                    message % {"value": clean_cell(cell_line), "column": column.title},
                ) from None
            if column.is_realisation and value.comparator not in (None, "text"):
                raise ChapterFormatError(
                    cell_number,
                    _("“%(column)s” is an achieved value, but the cell holds a target “%(value)s”")
                    % {"column": column.title, "value": value.text},
                )
            row.cells.append(Cell(column, value, cell_number))
            position += 1
        if len(chapter.rows) >= MAX_INDICATOR_ROWS:
            raise ChapterFormatError(
                row.line,
                f"more than {MAX_INDICATOR_ROWS} indicator rows: a chapter's table is never that "
                "long (is this one chapter?)",
            )
        chapter.rows.append(row)
    if not chapter.rows:
        number = lines[position][0] if position < len(lines) else lines[-1][0]
        raise ChapterFormatError(number, _("the indicator table has column headers but no rows"))
    return position


def _missing_cell(name: str, line: int, found: int, width: int, column: Column) -> str:
    return _(
        "the row “%(name)s” (line %(line)s) has %(found)s of %(width)s cells: "
        "the cell for “%(column)s” is missing"
    ) % {"name": name, "line": line, "found": found, "width": width, "column": column.title}


def expected_columns(kind: str, year: int) -> list[tuple[bool, int]]:
    """(is achieved value, year) per column, as the P&C convention prescribes."""
    if kind == "begroting":
        return [(True, year - 3), (True, year - 2), (False, year - 1), (False, year)]
    return [(True, year - 1), (False, year), (True, year)]


def _check_columns(chapter: ParsedChapter) -> None:
    expected = expected_columns(chapter.document_kind, chapter.year)
    found = [(column.is_realisation, column.year) for column in chapter.columns]
    if found != expected:

        def describe(columns):
            return " | ".join(
                f"{'Behaald' if achieved else 'Beoogd/Begroting'} {year}"
                for achieved, year in columns
            )

        raise ChapterFormatError(
            chapter.columns[0].line,
            _("a %(kind)s %(year)s has the columns %(expected)s, but this table has %(found)s")
            % {
                "kind": chapter.document_kind,
                "year": chapter.year,
                "expected": describe(expected),
                "found": describe(found),
            },
        )


def _looks_like_heading(line: str) -> bool:
    """A short question on its own line, as the chapter's section headings are."""
    text = clean_cell(line)
    return text.endswith("?") and len(text) < 60 and not BULLET_RE.match(line)


def _looks_like_text(text: str) -> bool:
    """An indicator name or a sentence, as opposed to a mangled number or target."""
    return len(text) > 12 and not re.match(r"^[<>=≥≤\d+\-–]", text)
