"""What every reader of a document's text shares: the error that refuses a text on one line
(``ChapterFormatError``), the numbered lines a reader walks through (``Lines``), a section's
text as read (``SectionText``), and the limits of the records the import writes
(``field_length``, ``refuse_longer_than``). ``document_reader*`` reads with them."""

from dataclasses import dataclass, field

from django.db.models import CharField, Model
from django.utils.translation import gettext as _

from kennisstad.core.imports import ImportProblem, ImportRefused


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
class SectionText:
    kind: str
    heading: str
    line: int
    paragraphs: list[str] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)


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
