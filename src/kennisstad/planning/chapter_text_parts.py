"""The parts a budget chapter's text is read into, the error that refuses a text, and the
numbered lines the reader walks through (``chapter_text`` reads the text, ``chapter_text_table``
its indicator table)."""

import re
from dataclasses import dataclass, field

from django.db.models import CharField, Model
from django.utils.translation import gettext as _

from kennisstad.core.imports import ImportProblem, ImportRefused
from kennisstad.indicators.formatting import ParsedValue, clean_cell

from .chapter_table import REALISATION
from .chapter_table import Column as TableColumn

SECTION_HEADINGS = [
    (re.compile(r"^Hoe staan we ervoor\??$", re.I), "current_state"),
    (re.compile(r"^Wat willen we bereiken(?: in \d{4})?\??$", re.I), "aims"),
    (re.compile(r"^Wat hebben we bereikt\??$", re.I), "aims"),
    (re.compile(r"^Wat gaan we (?:hiervoor|daarvoor) doen\??$", re.I), "actions"),
    (re.compile(r"^Wat hebben we (?:hiervoor|daarvoor) gedaan\??$", re.I), "actions"),
]


def field_length(model: type[Model], name: str) -> int:
    """How many characters a text field of ``model`` holds."""
    field = model._meta.get_field(name)
    assert isinstance(field, CharField) and field.max_length is not None, name
    return field.max_length


def refuse_longer_than(text: str, limit: int, *, line: int, what: str) -> None:
    """Refuse, on its line, a text longer than the record it goes into can hold."""
    if len(text) > limit:
        raise ChapterFormatError(
            line,
            _("%(what)s has %(length)d characters; it may have at most %(limit)d")
            % {"what": what, "length": len(text), "limit": limit},
        )


class ChapterFormatError(ImportRefused):
    """The text does not read as a chapter: the import's one refusal, on one line (1-based)."""

    def __init__(self, line: int, message: str):
        super().__init__(ImportProblem(message, line=line))

    @property
    def line(self) -> int:
        return self.problems[0].line or 0  # always given: __init__ takes it

    @property
    def message(self) -> str:
        return self.problems[0].message


@dataclass
class Column:
    label: str  # as printed, e.g. "Behaald", "Begroting", "Beoogd"
    year: int
    line: int
    kind: str  # "realisation" or "target"

    @property
    def is_realisation(self) -> bool:
        return self.kind == REALISATION

    @property
    def title(self) -> str:
        return f"{self.label} {self.year}"

    @property
    def table_column(self) -> TableColumn:
        """This column as the chapter's table has it."""
        return TableColumn(self.kind, self.year, self.label)


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
    policy_field_line: int | None = None  # where the policy field's code and title are


def section_kind(line: str) -> str | None:
    text = clean_cell(line)
    for pattern, kind in SECTION_HEADINGS:
        if pattern.match(text):
            return kind
    return None


class Lines:
    """The text's numbered lines (1-based) and how far the reader got."""

    def __init__(self, text: str):
        self.items = list(enumerate(text.splitlines(), start=1))
        self.position = 0

    @property
    def at_end(self) -> bool:
        return self.position >= len(self.items)

    @property
    def current(self) -> tuple[int, str]:
        return self.items[self.position]

    def number_here(self, *, otherwise: int) -> int:
        return self.items[self.position][0] if not self.at_end else otherwise

    def skip_blank(self) -> None:
        while not self.at_end and not self.current[1].strip():
            self.position += 1

    def next_nonblank(self) -> tuple[int, str] | None:
        self.skip_blank()
        if self.at_end:
            return None
        self.position += 1
        return self.items[self.position - 1]
