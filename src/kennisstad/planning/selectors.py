"""Reads for planning & control: documents, chapters and the indicator table as the document
shows it. A published chapter shows its frozen table; a draft computes it from the registry."""

from collections.abc import Sequence
from dataclasses import replace

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from kennisstad.indicators import selectors as indicator_selectors
from kennisstad.indicators.forecasts import ForecastFigure, forecasts, is_future
from kennisstad.indicators.formatting import format_realisation, format_target
from kennisstad.indicators.models import Indicator, Target
from kennisstad.indicators.selectors import OfficialFigure
from kennisstad.policy.models import Document, DocumentKind, DocumentStatus

from .chapter_table import (
    NO_DATA,
    NO_TARGET,
    NOT_MEASURED,
    YEAR_TO_COME,
    Cell,
    ChapterTable,
    Column,
    dash_cell,
    forecast_cell,
    indicator_row,
    realisation_cell,
    target_cell,
)
from .column_layout import columns_for
from .models import Action, ActionProgress, Chapter, ChapterIndicator, Forecast, Section
from .shown_tables import PrintedTableView, printed_table_views


def document_list() -> QuerySet[Document]:
    return Document.objects.prefetch_related("chapters__policy_area")


def chapters_with_content(chapters: QuerySet[Chapter] | None = None) -> QuerySet[Chapter]:
    """Chapters with what the page and the exports show, fetched in a fixed number of queries
    however many chapters there are."""
    return (
        (Chapter.objects.all() if chapters is None else chapters)
        .select_related("document", "policy_area__parent__parent")
        .prefetch_related(
            "sections",
            "actions__projects",
            Prefetch("table_rows", ChapterIndicator.objects.select_related("indicator")),
        )
    )


def chapter_with_content(pk: int) -> Chapter:
    return chapters_with_content().get(pk=pk)


def _realisation_cell(
    indicator: Indicator,
    figure: OfficialFigure | None,
    column: Column,
    expected: ForecastFigure | None = None,
) -> Cell:
    """The official figure of the column's year (``indicators.selectors.official_realisations``),
    with a later recount that reads otherwise beside it (never frozen or exported). A year after
    the current one shows its forecast, never an achieved value; the current year shows its
    forecast until a figure is recorded."""
    if not indicator.is_measured_in(column.year):
        return dash_cell(column, NOT_MEASURED)
    future = is_future(column.year)
    realisation = figure.realisation if figure and not future else None
    if realisation is None or (realisation.value is None and not realisation.display_text):
        if expected is not None:
            return forecast_cell(column, expected)
        return dash_cell(column, YEAR_TO_COME if future else NO_DATA)
    cell = realisation_cell(
        column,
        realisation,
        text=format_realisation(indicator, realisation),
        value=realisation.value,
        percentage=indicator.unit == "percentage",
        textual=bool(realisation.display_text),
    )
    if figure is not None and figure.recount is not None:
        cell = replace(cell, recount_text=format_realisation(indicator, figure.recount))
    return cell


def _target_cell(target: Target | None, column: Column) -> Cell:
    if target is None:
        return dash_cell(column, NO_TARGET)
    return target_cell(
        column, target, text=target.display_text or format_target(target), value=target.value
    )


def live_table(chapter: Chapter) -> ChapterTable:
    """The indicator table computed now from the registry, with every cell's provenance, in
    the columns the setting gives the document's kind."""
    return live_tables([chapter])[0]


def live_tables(chapters: Sequence[Chapter]) -> list[ChapterTable]:
    """``live_table`` of each chapter, reading the registry in two queries for all of them (a
    value depends on its indicator and year only, never on the chapter that shows it)."""
    plans = []
    for chapter in chapters:
        document = chapter.document
        columns = columns_for(document.kind, document.year)
        indicators = [row.indicator for row in chapter.table_rows.all()]
        plans.append((document, columns, indicators))
    ids = {indicator.pk for _document, _columns, indicators in plans for indicator in indicators}
    years = {document.year for document, _columns, _indicators in plans} | {
        column.year for _document, columns, _indicators in plans for column in columns
    }
    realisations = indicator_selectors.official_realisations(ids, sorted(years)) if ids else {}
    targets = indicator_selectors.adopted_targets(ids, sorted(years)) if ids else {}
    this_year = timezone.localdate().year
    expected = forecasts(ids, [year for year in years if year >= this_year])
    return [
        _table(document, columns, indicators, realisations, targets, expected)
        for document, columns, indicators in plans
    ]


def _table(
    document: Document,
    columns: list[Column],
    indicators: list[Indicator],
    realisations: dict[tuple[int, int], OfficialFigure],
    targets: dict[tuple[int, int], Target],
    expected: dict[tuple[int, int], ForecastFigure],
) -> ChapterTable:
    judged = document.kind == DocumentKind.JAARSTUKKEN
    rows = []
    for indicator in indicators:
        cells = tuple(
            _realisation_cell(
                indicator,
                realisations.get((indicator.pk, column.year)),
                column,
                expected.get((indicator.pk, column.year)),
            )
            if column.is_realisation
            else _target_cell(targets.get((indicator.pk, column.year)), column)
            for column in columns
        )
        met, explanation = None, ""
        if judged:
            target = targets.get((indicator.pk, document.year))
            figure = realisations.get((indicator.pk, document.year))
            realised = figure.realisation if figure and not is_future(document.year) else None
            met = target.is_met_by(realised.value) if target and realised else None
            explanation = realised.explanation if realised and met is False else ""
        rows.append(
            indicator_row(indicator, cells, judged=judged, met=met, explanation=explanation)
        )
    return ChapterTable(columns=tuple(columns), rows=tuple(rows))


def chapter_table(chapter: Chapter, *, mark_changes: bool = True) -> ChapterTable:
    """What the document shows: the frozen table once published, else the live one. A published
    table marks the cells whose current value differs ("changed since"); a reader that shows
    only what was adopted (the public portal) passes ``mark_changes=False`` and is spared
    computing the live table."""
    return chapter_tables([chapter], mark_changes=mark_changes)[0]


def chapter_tables(chapters: Sequence[Chapter], *, mark_changes: bool = True) -> list[ChapterTable]:
    """``chapter_table`` of each chapter, the live ones computed together (``live_tables``)."""
    chapters = list(chapters)
    needs_live = [c for c in chapters if c.frozen_table is None or mark_changes]
    live = dict(zip(map(id, needs_live), live_tables(needs_live), strict=True))
    tables = []
    for chapter in chapters:
        if chapter.frozen_table is None:
            tables.append(live[id(chapter)])
            continue
        table = ChapterTable.from_json(chapter.frozen_table)
        tables.append(table.marked_against(live[id(chapter)]) if mark_changes else table)
    return tables


def printed_tables(chapter: Chapter) -> list[PrintedTableView]:
    """The chapter's tables as its document printed them, all of them, in the document's order;
    [] for a chapter Kennisstad writes itself (it shows ``chapter_table``)."""
    return printed_table_views(chapter.printed_tables)


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


def cycle_of(document: Document) -> dict[str, object]:
    """What the document page shows of the cycle: its amendments and, for a bestuursrapportage,
    each action of its year's begroting with the status this report gives it, and each
    indicator of that begroting with this report's forecast for the year."""
    amendments = document.amendments.select_related("indicator", "section__chapter__policy_area")
    if document.kind != DocumentKind.BESTUURSRAPPORTAGE:
        return {"amendments": amendments}
    chapters = Chapter.objects.filter(
        document__kind=DocumentKind.BEGROTING, document__year=document.year
    )
    actions = list(
        Action.objects.filter(chapter__in=chapters).select_related("chapter__policy_area")
    )
    progress = {p.action_id: p for p in ActionProgress.objects.filter(report=document)}
    indicators = list(forecastable_indicators(document).order_by("code"))
    forecasts = {
        f.indicator_id: f for f in Forecast.objects.filter(report=document, year=document.year)
    }
    return {
        "amendments": amendments,
        "actions": [(action, progress.get(action.pk)) for action in actions],
        "indicators": [(indicator, forecasts.get(indicator.pk)) for indicator in indicators],
    }


def amendable_sections(document: Document) -> QuerySet[Section]:
    """The sections an amendment to ``document`` may change."""
    return Section.objects.filter(chapter__document=document).select_related("chapter__policy_area")


def indicators_of(document: Document) -> QuerySet[Indicator]:
    """The indicators in the document's chapters' tables (an amendment's or forecast's)."""
    return Indicator.objects.filter(table_rows__chapter__document=document).distinct()


def forecastable_indicators(report: Document) -> QuerySet[Indicator]:
    """The indicators a bestuursrapportage may forecast: those in the tables of its year's
    begroting (the forecast form's choices and what the API accepts)."""
    return Indicator.objects.filter(
        table_rows__chapter__document__kind=DocumentKind.BEGROTING,
        table_rows__chapter__document__year=report.year,
    ).distinct()


def finances_shown(chapters: Sequence[Chapter]) -> list[dict[str, object]]:
    """What a page shows of each chapter's money ("Wat mag het kosten?"), the tables of all
    the chapters computed together: as adopted once frozen."""
    from .finance_explanations import explanations_of
    from .finance_shown import table_view
    from .finance_tables import finance_tables

    chapters = list(chapters)
    explained = explanations_of(chapters)
    return [
        table_view(table, explained.get(chapter.pk, {}))
        for chapter, table in zip(chapters, finance_tables(chapters), strict=True)
    ]
