"""The tables a chapter shows, as the page, the portal, the API and the exports read them.

An imported chapter keeps its indicator tables exactly as the document printed them
(``Chapter.printed_tables``): its own labels, columns and cells. Those are shown as printed,
all of them. A chapter Kennisstad writes itself has no printed tables and shows the one
standard-layout table (``chapter_table.ChapterTable``), live or frozen.

``PrintedTableView`` is the typed read of one stored printed table (``table_from_json``, plus
the indicator each row was matched to), so no template or export pokes in the JSON.
``table_data`` gives both kinds of table one JSON shape for the API and the JSON export.
"""

from dataclasses import dataclass

from .chapter_table import ChapterTable
from .document_parts import (
    PERFORMANCE,
    PrintedCell,
    PrintedColumn,
    column_to_json,
    table_from_json,
)
from .document_reader_lines import is_footnote_paragraph
from .models import Chapter

# The label the standard layout prints above its one table (Dutch document text).
STANDARD_LABEL = "Prestatie-indicatoren"
# The headers of the name column and of a row-number column, as documents print them (and as
# the reader knows them: ``document_reader_columns.NAME_HEADERS`` and ``NUMBER_HEADERS``).
NAME_HEADER = "Indicator"
NUMBER_HEADER = "Nr"


@dataclass(frozen=True)
class PrintedRowView:
    name_nl: str
    cells: tuple[PrintedCell, ...]
    indicator: int | None = None  # the registry's indicator the import matched, if any
    number: str = ""
    footnote: str = ""
    group: bool = False  # a group heading over the rows below it: no values, no indicator
    name_at: int = 0  # the cells printed before the name ("Taakveld | Indicator")

    @property
    def cells_before(self) -> tuple[PrintedCell, ...]:
        return self.cells[: self.name_at]

    @property
    def cells_after(self) -> tuple[PrintedCell, ...]:
        return self.cells[self.name_at :]

    @property
    def printed_name(self) -> str:
        """The name with its footnote mark after it, as the document prints it: "Aantal
        bezoekers*", "Aantal bezoekers¹", "Aantal bezoekers (1)"."""
        if not self.footnote:
            return self.name_nl
        return f"{self.name_nl}{self.mark}"

    @property
    def mark(self) -> str:
        """The footnote mark as printed after the name ("*", "¹", " (1)"), or ""."""
        if not self.footnote:
            return ""
        return f" {self.footnote}" if self.footnote.startswith("(") else self.footnote


@dataclass(frozen=True)
class PrintedTableView:
    label: str
    kind: str
    note: str
    columns: tuple[PrintedColumn, ...]
    rows: tuple[PrintedRowView, ...]
    name_at: int = 0  # the columns printed before the names' column ("Taakveld | Indicator")

    @property
    def columns_before(self) -> tuple[PrintedColumn, ...]:
        return self.columns[: self.name_at]

    @property
    def columns_after(self) -> tuple[PrintedColumn, ...]:
        return self.columns[self.name_at :]

    @property
    def numbered(self) -> bool:
        return any(row.number for row in self.rows)

    @property
    def has_unreadable(self) -> bool:
        return any(cell.unreadable for row in self.rows for cell in row.cells)

    @property
    def notes_above(self) -> list[str]:
        """The note's paragraphs printed above the table (e.g. the one explaining the dash)."""
        return split_note(self.note)[0]

    @property
    def notes_below(self) -> list[str]:
        """The note's footnotes ("* ...", "¹ ...", "Bron: ..."), printed under the table."""
        return split_note(self.note)[1]

    @classmethod
    def from_json(cls, data: dict) -> "PrintedTableView":
        table = table_from_json(data)
        stored_rows = data.get("rows", [])
        return cls(
            label=table.label,
            kind=table.kind,
            note=table.note,
            columns=tuple(table.columns),
            name_at=table.name_at,
            rows=tuple(
                PrintedRowView(
                    name_nl=row.name,
                    cells=tuple(row.cells),
                    indicator=stored.get("indicator"),
                    number=row.number,
                    footnote=row.footnote,
                    group=row.group,
                    name_at=table.name_at,
                )
                for row, stored in zip(table.rows, stored_rows, strict=True)
            ),
        )


def printed_table_views(stored: list | None) -> list[PrintedTableView]:
    """The stored printed tables of a chapter, in the document's order; [] when it has none."""
    return [PrintedTableView.from_json(data) for data in stored or []]


def split_note(note: str) -> tuple[list[str], list[str]]:
    """(paragraphs printed above a table, footnotes printed under it) of a table's note."""
    above, below = [], []
    for paragraph in (part.strip() for part in note.split("\n\n")):
        if paragraph:
            (below if is_footnote_paragraph(paragraph) else above).append(paragraph)
    return above, below


def chapter_note(chapter: Chapter, printed: list[PrintedTableView]) -> str:
    """The note the chapter prints above its tables: for printed tables only what their own
    notes do not already say (the import keeps their notes, joined, as the chapter's note)."""
    note = chapter.indicator_note_nl
    if printed and note.strip() == "\n\n".join(t.note for t in printed if t.note).strip():
        return ""
    return note


# --- one JSON shape for the API and the JSON export ------------------------------------------


def printed_table_data(table: PrintedTableView) -> dict:
    return {
        "label": table.label,
        "kind": table.kind,
        "note": table.note,
        "printed": True,
        "columns": [column_to_json(column) for column in table.columns],
        **({"name_at": table.name_at} if table.name_at else {}),
        "rows": [
            {
                "name_nl": row.name_nl,
                "number": row.number,
                "footnote": row.footnote,
                "indicator": row.indicator,
                "cells": [
                    {"text": cell.text, "footnote": cell.footnote, "unreadable": cell.unreadable}
                    for cell in row.cells
                ],
                **({"group": True} if row.group else {}),
            }
            for row in table.rows
        ],
    }


def standard_table_data(table: ChapterTable, *, note: str = "") -> dict:
    """The standard table in the printed tables' shape, keeping every key it had before
    (``frozen``, cells with their provenance)."""
    return {
        "label": STANDARD_LABEL,
        "kind": PERFORMANCE,
        "note": note,
        "printed": False,
        "frozen": table.frozen,
        "columns": [column.to_json() for column in table.columns],
        "rows": [
            {
                "indicator": row.indicator,
                "code": row.code,
                "name_nl": row.name_nl,
                "name_en": row.name_en,
                "cells": [cell.to_json() for cell in row.cells],
                **({"met": row.met, "explanation": row.explanation} if row.judged else {}),
            }
            for row in table.rows
        ],
    }


def table_data(
    printed: list[PrintedTableView], table: ChapterTable, *, note: str = ""
) -> list[dict]:
    """Every table the chapter shows: its printed ones, else the standard one."""
    if printed:
        return [printed_table_data(view) for view in printed]
    return [standard_table_data(table, note=note)]
