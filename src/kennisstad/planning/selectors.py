"""Reads for planning & control: documents, chapters and the indicator table as the document
shows it. A published chapter shows its frozen table; a draft computes it from the registry."""

import copy
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, QuerySet

from kennisstad.indicators import selectors as indicator_selectors
from kennisstad.indicators.formatting import DASH, format_realisation, format_target
from kennisstad.indicators.models import Indicator, Realisation, Target
from kennisstad.policy.models import Document, DocumentKind, DocumentStatus

from .models import Chapter, ChapterIndicator


@dataclass(frozen=True)
class ColumnSpec:
    kind: str  # "realisation" or "target"
    year: int
    label: str  # "Behaald", "Begroting", "Beoogd"

    @property
    def title(self) -> str:
        return f"{self.label} {self.year}"


def columns_for(document: Document) -> list[ColumnSpec]:
    """The Dutch P&C convention: begroting Y shows Behaald Y-3 | Behaald Y-2 | Begroting Y-1 |
    Beoogd Y; jaarstukken Y shows Behaald Y-1 | Beoogd Y | Behaald Y."""
    year = document.year
    if document.kind == DocumentKind.BEGROTING:
        return [
            ColumnSpec("realisation", year - 3, "Behaald"),
            ColumnSpec("realisation", year - 2, "Behaald"),
            ColumnSpec("target", year - 1, "Begroting"),
            ColumnSpec("target", year, "Beoogd"),
        ]
    return [
        ColumnSpec("realisation", year - 1, "Behaald"),
        ColumnSpec("target", year, "Beoogd"),
        ColumnSpec("realisation", year, "Behaald"),
    ]


def document_list() -> QuerySet[Document]:
    return Document.objects.prefetch_related("chapters__policy_area")


def chapter_with_content(pk: int) -> Chapter:
    return (
        Chapter.objects.select_related("document", "policy_area__parent__parent")
        .prefetch_related(
            "sections",
            "actions__projects",
            Prefetch("table_rows", ChapterIndicator.objects.select_related("indicator")),
        )
        .get(pk=pk)
    )


def _realisation_cell(
    indicator: Indicator, realisation: Realisation | None, year: int
) -> dict[str, Any]:
    percentage = indicator.unit == "percentage"
    if not indicator.is_measured_in(year):
        reason = "not_measured"
        return {"text": DASH, "value": None, "reason": reason, "kind": "realisation", "year": year}
    if realisation is None or (realisation.value is None and not realisation.display_text):
        return {
            "text": DASH,
            "value": None,
            "reason": "no_data",
            "kind": "realisation",
            "year": year,
        }
    text = format_realisation(indicator, realisation)
    return {
        "text": text,
        "percentage": percentage,
        "textual": bool(realisation.display_text),
        "value": None if realisation.value is None else str(realisation.value),
        "kind": "realisation",
        "year": year,
        "record": realisation.pk,
        "origin": realisation.origin,
        "measured_on": realisation.measured_on.isoformat(),
        "source": str(realisation.source_document) if realisation.source_document_id else "",
    }


def _target_cell(target: Target | None, year: int) -> dict[str, Any]:
    if target is None:
        return {"text": DASH, "value": None, "reason": "no_target", "kind": "target", "year": year}
    return {
        "text": target.display_text or format_target(target),
        "value": None if target.value is None else str(target.value),
        "kind": "target",
        "year": year,
        "record": target.pk,
        "comparator": target.comparator,
        "set_in": str(target.set_in) if target.set_in_id else "",
    }


def live_table(chapter: Chapter) -> dict[str, Any]:
    """The indicator table computed now from the registry, with every cell's provenance."""
    document = chapter.document
    columns = columns_for(document)
    indicators = [row.indicator for row in chapter.table_rows.all()]
    ids = [indicator.pk for indicator in indicators]
    years = sorted({column.year for column in columns})
    realisations = indicator_selectors.current_realisations(ids, years)
    targets = indicator_selectors.adopted_targets(ids, years)
    rows = []
    for indicator in indicators:
        cells = []
        for column in columns:
            key = (indicator.pk, column.year)
            if column.kind == "realisation":
                cells.append(_realisation_cell(indicator, realisations.get(key), column.year))
            else:
                cells.append(_target_cell(targets.get(key), column.year))
        row = {
            "indicator": indicator.pk,
            "code": indicator.code,
            "name_nl": indicator.name_nl,
            "name_en": indicator.name_en,
            "cells": cells,
        }
        if document.kind == DocumentKind.JAARSTUKKEN:
            target = targets.get((indicator.pk, document.year))
            realised = realisations.get((indicator.pk, document.year))
            met = target.is_met_by(realised.value) if target and realised else None
            row["met"] = met
            row["explanation"] = realised.explanation if realised and met is False else ""
        rows.append(row)
    return {
        "columns": [{"kind": c.kind, "year": c.year, "label": c.label} for c in columns],
        "rows": rows,
    }


def chapter_table(chapter: Chapter) -> dict[str, Any]:
    """What the document shows: the frozen table once published, else the live one. A published
    table marks the cells whose current value differs ("changed since")."""
    if chapter.frozen_table is None:
        return {**live_table(chapter), "frozen": False}
    table = {**copy.deepcopy(chapter.frozen_table), "frozen": True}
    current = live_table(chapter)
    current_rows = {row["indicator"]: row for row in current["rows"]}
    for row in table["rows"]:
        now = current_rows.get(row["indicator"])
        if now is None:
            continue
        live_cells = {(cell["kind"], cell["year"]): cell for cell in now["cells"]}
        for cell in row["cells"]:
            live = live_cells.get((cell["kind"], cell["year"]))
            if live is not None and cell["text"] != live["text"]:
                cell["current_text"] = live["text"]
    return table


def published_documents() -> QuerySet[Document]:
    """Adopted documents, newest first, with their chapters: what the public may read."""
    return (
        Document.objects.filter(status=DocumentStatus.PUBLISHED)
        .prefetch_related(
            Prefetch(
                "chapters",
                Chapter.objects.select_related("policy_area").prefetch_related(
                    Prefetch("table_rows", ChapterIndicator.objects.select_related("indicator"))
                ),
            )
        )
        .order_by("-year", "kind")
    )
