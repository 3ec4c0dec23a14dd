"""What a published P&C document reads into, whatever it was published as (text copied from a
web page or a PDF, HTML, .docx, PDF): its chapters, their sections and their indicator tables
with the columns, labels and cells exactly as printed.

``document_reader`` fills these from text; ``document_formats`` turns the other formats into
that text; ``document_import`` writes them. Reading writes nothing: a document that cannot be
read with certainty is refused (``ChapterFormatError``) with its line.
"""

from dataclasses import dataclass, field
from typing import Any, TypeAlias

from kennisstad.indicators.formatting import ParsedValue

from .chapter_text_parts import ChapterFormatError, SectionText

# What a column holds: achieved values, targets, forecasts ("Verwacht"), the baseline
# ("Nulmeting"), text that is no number ("Bron", "Eenheid", a footnote column), or another
# area's figures printed to compare with ("Nederland", "Gemeenten", "Regio"): kept as printed,
# never imported as the municipality's own values.
REALISATION = "realisation"
TARGET = "target"
FORECAST = "forecast"
BASELINE = "baseline"
TEXT = "text"
COMPARISON = "comparison"
COLUMN_KINDS = (REALISATION, TARGET, FORECAST, BASELINE, TEXT, COMPARISON)
AS_PRINTED_KINDS = (TEXT, COMPARISON)  # cells kept as printed, no value read from them

# What a table holds (``Indicator.kind``): prestatie-indicatoren, effect-indicatoren and the
# mandatory BBV beleidsindicatoren ("Wettelijke indicatoren").
PERFORMANCE = "performance"
EFFECT = "effect"
STATUTORY = "statutory"
TABLE_KINDS = (PERFORMANCE, EFFECT, STATUTORY)


@dataclass
class PrintedColumn:
    label: str  # the header word as printed: "Behaald", "Doelstelling", "Nulmeting", "Bron"
    year: int | None  # None when the header prints none ("Nulmeting", "Bron")
    kind: str  # one of COLUMN_KINDS
    line: int
    suffix: str = ""  # printed after the word and year: a unit ("(%)", "in %") or a mark ("*")

    @property
    def title(self) -> str:
        title = f"{self.label} {self.year}" if self.year is not None else self.label
        return f"{title} {self.suffix}" if self.suffix else title


@dataclass
class PrintedCell:
    text: str  # as printed, spaces normalised: "25.942*", "> 5", "Top 8", "-", "65 tot 70 %"
    line: int
    value: ParsedValue | None = None  # None for a dash, an empty cell or a text column
    footnote: str = ""  # marks set apart to read the number: "*" of "25.942*"
    unreadable: bool = False  # looks like a number but is not one; kept as printed, no value


@dataclass
class PrintedRow:
    name: str  # the indicator's name, lines of a broken name joined by one space
    line: int
    cells: list[PrintedCell] = field(default_factory=list)  # one per column, in column order
    number: str = ""  # a row-number column as printed ("1", "1a")
    footnote: str = ""  # a footnote column or mark after the name
    # a group heading ("Bestuur en ondersteuning (p8)"): every value cell printed empty; shown
    # across the table, never an indicator
    group: bool = False


@dataclass
class PrintedTable:
    label: str  # as printed: "Prestatie-indicatoren", "Effectindicator", "Wettelijke indicatoren"
    kind: str  # one of TABLE_KINDS
    line: int
    columns: list[PrintedColumn] = field(default_factory=list)
    rows: list[PrintedRow] = field(default_factory=list)
    note: str = ""  # a sentence printed with the table (e.g. explaining the dash)
    name_at: int = 0  # the columns printed before the names' column ("Taakveld | Indicator")


@dataclass
class PrintedChapter:
    code: str  # "2.1.4"; "" when the chapter has no numeric code
    title: str  # "(Inter)nationaal Kennisstad"
    line: int
    programme_title: str = ""
    introduction: list[str] = field(default_factory=list)
    tables: list[PrintedTable] = field(default_factory=list)
    sections: list[SectionText] = field(default_factory=list)
    # Read chapter by chapter: why this chapter could not be read (the import refuses it).
    refused: ChapterFormatError | None = None


@dataclass
class PrintedDocument:
    kind: str | None  # "begroting" or "jaarstukken"; None when the text does not say
    year: int | None  # None when the text does not say
    chapters: list[PrintedChapter] = field(default_factory=list)
    title_line: int | None = None  # where "Begroting 2018" / "Jaarverslag 2018" stood


# --- kept with the chapter (``Chapter.printed_tables``) ------------------------------------
# The stored shape: the numbers as text, so what is shown is always what was printed; the
# parsed value is read again from the text when needed.

# A table as stored: JSON, so its values are whatever the JSON field read back.
StoredTable: TypeAlias = dict[str, Any]


def table_to_json(table: PrintedTable) -> StoredTable:
    return {
        "label": table.label,
        "kind": table.kind,
        "note": table.note,
        "columns": [column_to_json(column) for column in table.columns],
        **({"name_at": table.name_at} if table.name_at else {}),
        "rows": [
            {
                "name_nl": row.name,
                "number": row.number,
                "footnote": row.footnote,
                "indicator": None,  # the import fills in the Indicator.pk
                "cells": [
                    {"text": cell.text, "footnote": cell.footnote, "unreadable": cell.unreadable}
                    for cell in row.cells
                ],
                **({"group": True} if row.group else {}),
            }
            for row in table.rows
        ],
    }


def table_from_json(data: StoredTable) -> PrintedTable:
    """A stored table back as parts (lines are not kept: 0)."""
    return PrintedTable(
        label=data.get("label", ""),
        kind=data.get("kind", PERFORMANCE),
        line=0,
        note=data.get("note", ""),
        name_at=data.get("name_at", 0),
        columns=[
            PrintedColumn(
                column["label"], column.get("year"), column["kind"], 0, column.get("suffix", "")
            )
            for column in data.get("columns", [])
        ],
        rows=[
            PrintedRow(
                name=row["name_nl"],
                line=0,
                number=row.get("number", ""),
                footnote=row.get("footnote", ""),
                group=row.get("group", False),
                cells=[
                    PrintedCell(
                        cell["text"],
                        0,
                        footnote=cell.get("footnote", ""),
                        unreadable=cell.get("unreadable", False),
                    )
                    for cell in row.get("cells", [])
                ],
            )
            for row in data.get("rows", [])
        ],
    )


def column_to_json(column: PrintedColumn) -> dict[str, object]:
    data: dict[str, object] = {"label": column.label, "year": column.year, "kind": column.kind}
    if column.suffix:
        data["suffix"] = column.suffix  # only when printed: stored tables keep their shape
    return data
