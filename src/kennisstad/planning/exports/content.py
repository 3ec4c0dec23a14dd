"""What every export format reads of a chapter: its texts and the tables it shows, the tables
as printed for an imported chapter, else the standard table (``chapter_table``), so a published
chapter exports what was adopted."""

from dataclasses import dataclass, field
from functools import cached_property

from kennisstad.policy.models import TITLE_CODE

from ..chapter_table import Cell, ChapterTable
from ..finance_explanations import explanations_of
from ..finance_models import FinanceExplanation
from ..finance_tables import FinanceTable, finance_tables
from ..models import Chapter, SectionKind
from ..selectors import chapter_tables, printed_tables
from ..shown_tables import (
    NAME_HEADER,
    NUMBER_HEADER,
    STANDARD_LABEL,
    PrintedTableView,
    chapter_note,
)

TABLE_TITLE = STANDARD_LABEL


@dataclass
class TextTable:
    """One table as the text formats write it: its label on a line of its own above it, a header
    row ("Indicator", then each column headed "label year" as printed), every cell its printed
    text, and the notes printed with it."""

    label: str
    titles: list[str]  # the value columns' headers
    rows: list[list[str]]  # the cells' texts, the indicator's name among them at ``name_at``
    numbers: list[str] | None = None  # a row-number column, when the document prints one
    above: list[str] = field(default_factory=list)  # notes printed above the label
    below: list[str] = field(default_factory=list)  # footnotes printed under the table
    groups: set[int] = field(default_factory=set)  # the rows that are group headings, by index
    name_at: int = 0  # the text columns printed before the names' ("Taakveld | Indicator")
    name_title: str | None = None  # the names' header when not "Indicator" (a finance table)

    @property
    def name_cell(self) -> int:
        """The index of the name in a row of ``body()``."""
        return (1 if self.numbers else 0) + self.name_at

    def header(self, name_header: str = NAME_HEADER) -> list[str]:
        if self.name_title is not None:
            name_header = self.name_title
        titles = [*self.titles[: self.name_at], name_header, *self.titles[self.name_at :]]
        return [*([NUMBER_HEADER] if self.numbers else []), *titles]

    def body(self) -> list[list[str]]:
        if not self.numbers:
            return self.rows
        return [[number, *row] for number, row in zip(self.numbers, self.rows, strict=True)]


@dataclass
class ChapterContent:
    chapter: Chapter
    table: ChapterTable
    printed: list[PrintedTableView] = field(default_factory=list)
    finance: FinanceTable | None = None  # "Wat mag het kosten?"; None for a bestuursrapportage
    explanations: dict[str, FinanceExplanation] = field(default_factory=dict)  # by row

    @property
    def document_title(self) -> str:
        return str(self.chapter.document)

    @property
    def programme_title(self) -> str:
        area = self.chapter.policy_area
        while area.parent_id is not None:
            area = area.parent
        if area.code == self.chapter.policy_area.code or area.title_nl == area.code:
            return ""  # no programme above the chapter, or its title is still to be filled in
        return area.title_nl

    @property
    def heading(self) -> str:
        """ "<code> <title>" as the document prints it; the title alone for a chapter that
        prints no code (its field's code is made from the title)."""
        area = self.chapter.policy_area
        return area.title_nl if TITLE_CODE.match(area.code) else f"{area.code} {area.title_nl}"

    @property
    def introduction(self) -> str:
        return next(
            (s.body_nl for s in self.chapter.sections.all() if s.kind == SectionKind.INTRODUCTION),
            "",
        )

    @property
    def introduction_paragraphs(self) -> list[str]:
        """The introduction's paragraphs, for the formats that print each as its own."""
        return [block for block in self.introduction.split("\n\n") if block.strip()]

    @property
    def sections(self):
        return [s for s in self.chapter.sections.all() if s.kind != SectionKind.INTRODUCTION]

    @property
    def actions(self) -> list[str]:
        return [action.text_nl for action in self.chapter.actions.all()]

    @cached_property
    def column_titles(self) -> list[str]:
        """The table's headers as the document prints them; jaarstukken add whether each
        target was met, and why not."""
        titles = [column.title for column in self.table.columns]
        if self.table.reports_results:
            titles += ["Doel behaald", "Toelichting"]
        return titles

    def rows(self) -> list[tuple[str, tuple[Cell, ...], list[str]]]:
        """Per indicator its name, its cells and the texts of the result columns (if any)."""
        rows, judged = [], self.table.reports_results
        for row in self.table.rows:
            results = []
            if judged:
                met = {True: "ja", False: "nee"}.get(row.met, "-")
                results = [met, row.explanation]
            rows.append((row.name_nl, row.cells, results))
        return rows

    def text_rows(self) -> list[list[str]]:
        """Every row as the texts of its name and cells, for the text formats."""
        return [
            [name, *(cell.shown_text for cell in cells), *results]
            for name, cells, results in self.rows()
        ]

    @property
    def note(self) -> str:
        """The note above the chapter's tables; a printed table's own note goes with it."""
        return chapter_note(self.chapter, self.printed)

    def text_tables(self) -> list[TextTable]:
        """The tables the chapter shows, with rows: each printed one under its own label, else
        the standard one."""
        if self.printed:
            return [_printed_text_table(table) for table in self.printed if table.rows]
        if not self.table.rows:
            return []
        return [TextTable(TABLE_TITLE, self.column_titles, self.text_rows())]


def _printed_text_table(table: PrintedTableView) -> TextTable:
    return TextTable(
        table.label,
        [column.title for column in table.columns],
        [
            [
                *(cell.text for cell in row.cells_before),
                row.printed_name,
                *(cell.text for cell in row.cells_after),
            ]
            for row in table.rows
        ],
        numbers=[row.number for row in table.rows] if table.numbered else None,
        above=table.notes_above,
        below=table.notes_below,
        groups={index for index, row in enumerate(table.rows) if row.group},
        name_at=table.name_at,
    )


def collect(chapters) -> list[ChapterContent]:
    """What the formats print of each chapter; the indicator and finance tables of all the
    chapters computed together (a fixed number of queries per document)."""
    chapters = list(chapters)
    explained = explanations_of(chapters)
    return [
        ChapterContent(
            chapter, table, printed_tables(chapter), finance, explained.get(chapter.pk, {})
        )
        for chapter, table, finance in zip(
            chapters, chapter_tables(chapters), finance_tables(chapters), strict=True
        )
    ]


def paragraph_blocks(body: str) -> list[tuple[str, str]]:
    """Blocks of a section body; a short first line followed by text is a sub-heading."""
    blocks = []
    for block in [b for b in body.split("\n\n") if b.strip()]:
        lines = block.split("\n")
        if (
            len(lines) > 1
            and len(lines[0]) < 60
            and not lines[0].rstrip().endswith((".", ":", ";"))
        ):
            blocks.append(("subheading", lines[0].strip()))
            blocks.append(("paragraph", "\n".join(lines[1:])))
        else:
            blocks.append(("paragraph", block))
    return blocks
