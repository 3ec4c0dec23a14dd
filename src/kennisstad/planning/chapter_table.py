"""The indicator table of a budget chapter as one set of types: columns, rows and cells with
where each number came from. The page, the exports, the portal and the API read these
attributes; ``selectors.live_table`` and the chapter importer build them with the constructors
below, and a published chapter keeps ``ChapterTable.to_json()`` in ``Chapter.frozen_table``.

The JSON keeps the shape frozen tables have always had, so every table published before these
types existed loads with ``from_json`` (cells without ``percentage`` or ``textual``, from before
those were recorded, load with them unset and are written back without them).
"""

import datetime
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from kennisstad.indicators.formatting import DASH

if TYPE_CHECKING:
    from kennisstad.indicators.models import Indicator

REALISATION = "realisation"
TARGET = "target"
KINDS = (REALISATION, TARGET)

# Why a cell shows a dash.
NOT_MEASURED = "not_measured"
NO_DATA = "no_data"
NO_TARGET = "no_target"
# A year that has not ended shows no achieved value: its forecast (``source`` says whose), or
# a dash for a year to come without one.
FORECAST = "forecast"
YEAR_TO_COME = "year_to_come"

# The optional cell keys in the order the JSON has them; a key is written only when set.
_OPTIONAL_CELL_KEYS = (
    "reason",
    "percentage",
    "textual",
    "record",
    "origin",
    "measured_on",
    "source",
    "comparator",
    "set_in",
    "current_text",
)


@dataclass(frozen=True)
class Column:
    """One column: achieved values (``realisation``) or targets of one year, with the header
    word the document prints (Dutch document text, e.g. "Behaald", "Begroting", "Beoogd")."""

    kind: str
    year: int
    label: str

    @property
    def is_realisation(self) -> bool:
        return self.kind == REALISATION

    @property
    def title(self) -> str:
        return f"{self.label} {self.year}"

    def to_json(self) -> dict:
        return {"kind": self.kind, "year": self.year, "label": self.label}

    @classmethod
    def from_json(cls, data: dict) -> "Column":
        return cls(kind=data["kind"], year=int(data["year"]), label=data.get("label", ""))


@dataclass(frozen=True)
class Cell:
    """What one cell shows (``text``), the number behind it and its provenance: the record it
    came from, and for an achieved value its origin, peildatum and source document, for a target
    its comparator and the document that set it. A dash says why (``reason``). A published
    cell whose value changed since carries the value now in ``current_text``. A live cell shows
    the official figure; a later recount that reads otherwise is in ``recount_text``, which is
    never frozen, exported or compared (the recount is the team's to look into)."""

    kind: str
    year: int
    text: str
    value: Decimal | None = None
    reason: str | None = None
    percentage: bool | None = None
    textual: bool | None = None
    record: int | None = None
    origin: str | None = None
    measured_on: datetime.date | None = None
    source: str | None = None
    comparator: str | None = None
    set_in: str | None = None
    current_text: str | None = None
    recount_text: str | None = field(default=None, compare=False)

    @property
    def is_realisation(self) -> bool:
        return self.kind == REALISATION

    @property
    def number(self) -> Decimal | None:
        """The achieved value as a number to calculate with; None for a target, a dash or a
        text such as "Top 8"; a forecast is not achieved."""
        if not self.is_realisation or self.textual or self.reason == FORECAST:
            return None
        return self.value

    @property
    def shown_text(self) -> str:
        """The text where only the text is shown (the portal, the exports): a forecast with
        its label ("6, verwacht (bestuursrapportage 2)"), so it never reads as achieved."""
        if self.reason == FORECAST and self.source:
            return f"{self.text}, {self.source}"
        return self.text

    def to_json(self) -> dict:
        data = {
            "kind": self.kind,
            "year": self.year,
            "text": self.text,
            "value": None if self.value is None else str(self.value),
        }
        for key in _OPTIONAL_CELL_KEYS:
            value = getattr(self, key)
            if value is not None:
                data[key] = value.isoformat() if isinstance(value, datetime.date) else value
        return data

    @classmethod
    def from_json(cls, data: dict) -> "Cell":
        measured_on = data.get("measured_on")
        return cls(
            kind=data["kind"],
            year=int(data["year"]),
            text=data.get("text", DASH),
            value=_decimal(data.get("value")),
            **{key: data.get(key) for key in _OPTIONAL_CELL_KEYS if key != "measured_on"},
            measured_on=datetime.date.fromisoformat(measured_on) if measured_on else None,
        )


@dataclass(frozen=True)
class Row:
    """One indicator's row. A jaarstukken row also says whether the target was met (``met``:
    True, False, or None when it cannot be told) and why not; ``judged`` marks such a row."""

    indicator: int
    code: str
    name_nl: str
    name_en: str
    cells: tuple[Cell, ...]
    judged: bool = False
    met: bool | None = None
    explanation: str = ""

    def to_json(self) -> dict:
        data = {
            "indicator": self.indicator,
            "code": self.code,
            "name_nl": self.name_nl,
            "name_en": self.name_en,
            "cells": [cell.to_json() for cell in self.cells],
        }
        if self.judged:
            data["met"] = self.met
            data["explanation"] = self.explanation
        return data

    @classmethod
    def from_json(cls, data: dict) -> "Row":
        return cls(
            indicator=data["indicator"],
            code=data.get("code", ""),
            name_nl=data.get("name_nl", ""),
            name_en=data.get("name_en", ""),
            cells=tuple(Cell.from_json(cell) for cell in data.get("cells", [])),
            judged="met" in data,
            met=data.get("met"),
            explanation=data.get("explanation") or "",
        )


@dataclass(frozen=True)
class ChapterTable:
    """The whole table; ``frozen`` once the document is adopted (then it is the stored copy)."""

    columns: tuple[Column, ...]
    rows: tuple[Row, ...] = field(default_factory=tuple)
    frozen: bool = False

    @property
    def reports_results(self) -> bool:
        """Jaarstukken say per indicator whether the target was met, and why not."""
        return any(row.judged for row in self.rows)

    @property
    def changed_since(self) -> bool:
        return any(cell.current_text is not None for row in self.rows for cell in row.cells)

    def to_json(self) -> dict:
        """The shape kept in ``Chapter.frozen_table``."""
        return {
            "columns": [column.to_json() for column in self.columns],
            "rows": [row.to_json() for row in self.rows],
        }

    @classmethod
    def from_json(cls, data: dict, *, frozen: bool = True) -> "ChapterTable":
        return cls(
            columns=tuple(Column.from_json(column) for column in data.get("columns", [])),
            rows=tuple(Row.from_json(row) for row in data.get("rows", [])),
            frozen=frozen,
        )

    def marked_against(self, current: "ChapterTable") -> "ChapterTable":
        """This (published) table with every cell whose value now reads otherwise in
        ``current`` (its official figure, or a later recount of it) marked with the text it has
        now."""
        live_rows = {row.indicator: row for row in current.rows}
        rows = []
        for row in self.rows:
            now = live_rows.get(row.indicator)
            if now is None:
                rows.append(row)
                continue
            live = {(cell.kind, cell.year): cell.recount_text or cell.text for cell in now.cells}
            cells = tuple(
                replace(cell, current_text=live[(cell.kind, cell.year)])
                if live.get((cell.kind, cell.year), cell.text) != cell.text
                else cell
                for cell in row.cells
            )
            rows.append(replace(row, cells=cells))
        return replace(self, rows=tuple(rows))


def indicator_row(
    indicator: "Indicator",
    cells: tuple[Cell, ...],
    *,
    judged: bool,
    met: bool | None,
    explanation: str = "",
) -> Row:
    """An indicator's row, named and coded as the indicator is now."""
    return Row(
        indicator=indicator.pk,
        code=indicator.code,
        name_nl=indicator.name_nl,
        name_en=indicator.name_en,
        cells=cells,
        judged=judged,
        met=met,
        explanation=explanation,
    )


def dash_cell(column: Column, reason: str, text: str = DASH) -> Cell:
    return Cell(kind=column.kind, year=column.year, text=text, reason=reason)


def forecast_cell(column: Column, forecast) -> Cell:
    """A year that has not ended: the forecast a bestuursrapportage gives, as written, with
    its label ("verwacht (bestuursrapportage 2)") as the source. No record: it is never pinned
    as an achieved value."""
    return Cell(
        kind=column.kind,
        year=column.year,
        text=forecast.text,
        value=_decimal(forecast.value),
        reason=FORECAST,
        source=forecast.label,
    )


def realisation_cell(
    column: Column,
    realisation,
    *,
    text: str,
    value,
    percentage: bool,
    textual: bool,
    source: str | None = None,
) -> Cell:
    """An achieved value with its provenance: the stored realisation it shows (``source``, when
    the caller knows it, saves reading the realisation's source document)."""
    if source is None:
        source = str(realisation.source_document) if realisation.source_document_id else ""
    return Cell(
        kind=column.kind,
        year=column.year,
        text=text,
        value=_decimal(value),
        percentage=percentage,
        textual=textual,
        record=realisation.pk,
        origin=realisation.origin,
        measured_on=realisation.measured_on,
        source=source,
    )


def target_cell(column: Column, target, *, text: str, value, set_in: str | None = None) -> Cell:
    """A target with its provenance: the stored target and the document that set it."""
    if set_in is None:
        set_in = str(target.set_in) if target.set_in_id else ""
    return Cell(
        kind=column.kind,
        year=column.year,
        text=text,
        value=_decimal(value),
        record=target.pk,
        comparator=target.comparator,
        set_in=set_in,
    )


def _decimal(value) -> Decimal | None:
    if value is None or value == "":
        return None
    if isinstance(value, Decimal):
        return value
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None
