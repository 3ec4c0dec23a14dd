"""Reads over indicators: the official realisation and the adopted target of each year, fetched
for a whole table at once.

The official figure of an indicator and year (``official_realisations``), in this order:
1. the value a team member marked authoritative (``AuthoritativeValue``);
2. else the value an adopted document reports (``policy.models.adopted_documents``): that year's
   jaarstukken when it reports one, else the latest adopted document;
3. else the value with the newest peildatum.
A later recount (a computed or manual value with a later peildatum and another value) is kept
beside it as ``recount``, never in its place. The indicator page, the dashboard and the chapter
tables (so the exports and the portal) all read it from here.
"""

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, F, OuterRef, Q, QuerySet, Window
from django.db.models.functions import RowNumber

from kennisstad.policy.models import DocumentKind, adopted_documents

from .models import AuthoritativeValue, FigureKind, Indicator, Origin, Realisation, Target

CHOSEN, ADOPTED, NEWEST = "chosen", "adopted", "newest"
RECOUNT_ORIGINS = (Origin.COMPUTED, Origin.MANUAL)


@dataclass(frozen=True)
class OfficialFigure:
    """The realisation a year shows, why it is the one (``basis``: chosen, adopted or newest),
    the team's choice behind it if any, and a later recount that reads otherwise."""

    realisation: Realisation
    basis: str
    choice: AuthoritativeValue | None = None
    recount: Realisation | None = None

    @property
    def differs(self) -> bool:
        return self.recount is not None


def indicator_list(*, queryset: QuerySet[Indicator] | None = None) -> QuerySet[Indicator]:
    queryset = Indicator.objects.all() if queryset is None else queryset
    return queryset.select_related("policy_area", "owner", "owner_organisation")


def _newest_per_source(condition: Q) -> QuerySet[Realisation]:
    """Per indicator, year, origin and source document only the newest value: every value the
    precedence rule can pick, without the many dated recounts in between."""
    newest_first = Window(
        RowNumber(),
        partition_by=[F("indicator_id"), F("year"), F("origin"), F("source_document_id")],
        order_by=[F("measured_on").desc(), F("id").desc()],
    )
    return (
        Realisation.objects.filter(condition)
        .annotate(newest_first=newest_first)
        .filter(newest_first=1)
        .select_related("source_document")
        .defer("counted")
    )


def _choices(condition: Q, kind: str) -> QuerySet[AuthoritativeValue]:
    return (
        AuthoritativeValue.objects.filter(condition, kind=kind)
        .select_related("realisation__source_document", "chosen_by")
        .defer("realisation__counted")
    )


def newest(rows: Iterable[Realisation]) -> Realisation | None:
    return max(rows, key=lambda row: (row.measured_on, row.pk), default=None)


def _adopted_rank(row: Realisation) -> tuple[bool, int, datetime.date, datetime.date, int]:
    document = row.source_document
    assert document is not None
    return (
        document.kind == DocumentKind.JAARSTUKKEN and document.year == row.year,
        document.year,
        document.published_on or datetime.date.min,
        row.measured_on,
        row.pk,
    )


def _reads_the_same(one: Realisation, other: Realisation) -> bool:
    return (one.value, one.display_text) == (other.value, other.display_text)


def official_figure(
    candidates: list[Realisation], choice: AuthoritativeValue | None
) -> OfficialFigure | None:
    """The official figure among one indicator-year's values (see the module docstring)."""
    adopted = [
        row
        for row in candidates
        if row.source_document is not None and row.source_document.is_adopted
    ]
    if choice is not None and choice.realisation is not None:
        official, basis = choice.realisation, CHOSEN
    elif adopted:
        official, basis = max(adopted, key=_adopted_rank), ADOPTED
    else:
        latest = newest(candidates)
        if latest is None:
            return None
        official, basis = latest, NEWEST
    recount = newest(row for row in candidates if row.origin in RECOUNT_ORIGINS)
    if recount is not None and (
        recount.measured_on <= official.measured_on or _reads_the_same(recount, official)
    ):
        recount = None
    return OfficialFigure(official, basis, choice, recount)


def _figures(
    candidates: Iterable[Realisation], choices: Iterable[AuthoritativeValue]
) -> dict[tuple[int, int], OfficialFigure]:
    grouped: dict[tuple[int, int], list[Realisation]] = defaultdict(list)
    for row in candidates:
        grouped[(row.indicator_id, row.year)].append(row)
    chosen = {(choice.indicator_id, choice.year): choice for choice in choices}
    result = {}
    for key in grouped.keys() | chosen.keys():
        figure = official_figure(grouped.get(key, []), chosen.get(key))
        if figure is not None:
            result[key] = figure
    return result


def official_realisations(
    indicator_ids: Iterable[int], years: Iterable[int]
) -> dict[tuple[int, int], OfficialFigure]:
    """The official figure per indicator and year, in two queries for a whole table."""
    condition = Q(indicator_id__in=list(indicator_ids), year__in=list(years))
    return _figures(_newest_per_source(condition), _choices(condition, FigureKind.REALISATION))


def differing_figures() -> list[tuple[Indicator, int, OfficialFigure]]:
    """Every indicator-year whose official figure a later recount contradicts, for the team to
    look into. Only a chosen or adopted figure can have a later recount, so only those years
    are read."""
    has_official = Exists(
        Realisation.objects.filter(
            adopted_documents("source_document__"),
            indicator_id=OuterRef("indicator_id"),
            year=OuterRef("year"),
        )
    ) | Exists(
        AuthoritativeValue.objects.filter(
            kind=FigureKind.REALISATION,
            indicator_id=OuterRef("indicator_id"),
            year=OuterRef("year"),
        )
    )
    figures = _figures(_newest_per_source(has_official), _choices(Q(), FigureKind.REALISATION))
    differing = sorted(key for key, figure in figures.items() if figure.differs)
    indicators = Indicator.objects.in_bulk({indicator_id for indicator_id, _year in differing})
    rows = [(indicators[key[0]], key[1], figures[key]) for key in differing]
    return sorted(
        rows, key=lambda row: (row[0].policy_area_id, row[0].order, row[0].name_nl, row[1])
    )


def _target_rank(target: Target) -> tuple[bool, bool, bool, bool, bool, int, int]:
    document = target.set_in
    return (
        bool(getattr(target, "chosen", False)),
        document is not None
        and document.kind == DocumentKind.BEGROTING
        and document.year == target.year,
        target.source_document_id in (None, target.set_in_id),
        document is not None and document.is_adopted,
        document is not None,
        document.year if document else 0,
        target.pk,
    )


def ranked_targets(condition: Q) -> QuerySet[Target]:
    """Targets with whether a team member chose them as authoritative (``chosen``)."""
    chosen = AuthoritativeValue.objects.filter(kind=FigureKind.TARGET, target_id=OuterRef("pk"))
    return (
        Target.objects.filter(condition)
        .annotate(chosen=Exists(chosen))
        .select_related("set_in", "source_document", "indicator")
    )


def official_targets(targets: Iterable[Target]) -> dict[tuple[int, int], Target]:
    result: dict[tuple[int, int], Target] = {}
    for target in targets:
        key = (target.indicator_id, target.year)
        if key not in result or _target_rank(target) > _target_rank(result[key]):
            result[key] = target
    return result


def adopted_targets(
    indicator_ids: Iterable[int], years: Iterable[int]
) -> dict[tuple[int, int], Target]:
    """Per indicator and year the target a team member marked authoritative; else the one set in
    that year's begroting (as that document prints it, adopted first); failing that, the one
    set in the newest other document, then one without a document."""
    return official_targets(
        ranked_targets(Q(indicator_id__in=list(indicator_ids), year__in=list(years)))
    )


@dataclass
class YearSources:
    """Everything the documents and the registry say about one year of an indicator, side by
    side: each target and each value (the newest per origin and document), which of them is
    official, and the team's choices behind that."""

    year: int
    targets: list[Target]
    realisations: list[Realisation]
    target: Target | None = None
    figure: OfficialFigure | None = None
    target_choice: AuthoritativeValue | None = None

    @property
    def targets_disagree(self) -> bool:
        return len({target.display_text for target in self.targets}) > 1

    @property
    def realisations_disagree(self) -> bool:
        return len({(row.value, row.display_text) for row in self.realisations}) > 1


def indicator_sources(indicator: Indicator) -> dict[int, YearSources]:
    """Per year every source of ``indicator`` and its official figure and target, in three
    queries however many years and documents there are."""
    condition = Q(indicator=indicator)
    targets = list(ranked_targets(condition).order_by("year", "id"))
    candidates = list(_newest_per_source(condition).order_by("year", "-measured_on", "-id"))
    choices = list(
        AuthoritativeValue.objects.filter(indicator=indicator)
        .select_related("realisation__source_document", "target__set_in", "chosen_by")
        .defer("realisation__counted")
    )
    realisation_choices = [c for c in choices if c.kind == FigureKind.REALISATION]
    for choice in realisation_choices:  # an older value chosen is a source too
        if choice.realisation is not None and choice.realisation not in candidates:
            candidates.append(choice.realisation)
    figures = _figures(candidates, realisation_choices)
    official = official_targets(targets)
    years: dict[int, YearSources] = {}
    for year in sorted({row.year for row in targets} | {row.year for row in candidates}):
        years[year] = YearSources(
            year,
            [row for row in targets if row.year == year],
            [row for row in candidates if row.year == year],
            target=official.get((indicator.pk, year)),
            figure=figures.get((indicator.pk, year)),
        )
    for choice in choices:
        if choice.kind == FigureKind.TARGET and choice.year in years:
            years[choice.year].target_choice = choice
    return years


def realisation_history(indicator: Indicator) -> QuerySet[Realisation]:
    return (
        indicator.realisations.select_related("source_document")
        .defer("counted")
        .order_by("year", "-measured_on", "-id")
    )


def counted_records(realisation: Realisation) -> list[dict[str, Any]]:
    """The records behind a computed number, with their current titles and pages. A record
    deleted since still appears, by its number."""
    from django.apps import apps
    from django.urls import reverse

    counted = realisation.counted or {}
    ids = counted.get("ids") or []
    if not ids:
        return []
    model = apps.get_model(counted["model"])
    route = {
        "projects.project": "projects:project-detail",
        "agenda.activity": "agenda:activity-detail",
        "funding.application": "funding:application-detail",
    }.get(counted["model"])
    titles = dict(model._default_manager.filter(pk__in=ids).values_list("pk", "title_nl"))
    return [
        {
            "id": pk,
            "label": titles.get(pk, f"#{pk}"),
            "deleted": pk not in titles,
            "url": reverse(route, args=[pk]) if route and pk in titles else "",
        }
        for pk in ids
    ]


def year_status(indicators: Iterable[Indicator], *, year: int) -> list[dict[str, Any]]:
    """Per indicator: the official figure of ``year`` (and a later recount beside it), the
    target adopted for it, whether it was met (None when either is missing), as the budget
    writes them, and a bestuursrapportage's forecast for the year. A year after the current one
    has no figure, only its forecast."""
    from .forecasts import forecasts, is_future
    from .formatting import DASH, format_realisation, format_target

    indicators = list(indicators)
    ids = [indicator.pk for indicator in indicators]
    figures = {} if is_future(year) else official_realisations(ids, [year])
    targets = adopted_targets(ids, [year, year + 1])
    expected = forecasts(ids, [year])
    rows = []
    for indicator in indicators:
        figure = figures.get((indicator.pk, year))
        realised = figure.realisation if figure else None
        target = targets.get((indicator.pk, year))
        next_target = targets.get((indicator.pk, year + 1))
        recount = figure.recount if figure else None
        rows.append(
            {
                "indicator": indicator,
                "realised": format_realisation(indicator, realised),
                "recount": format_realisation(indicator, recount) if recount else "",
                "recounted_on": recount.measured_on if recount else None,
                "forecast": expected.get((indicator.pk, year)),
                "target": format_target(target) if target else DASH,
                "met": target.is_met_by(realised.value)
                if target and realised and realised.value is not None
                else None,
                "next_target": format_target(next_target) if next_target else DASH,
            }
        )
    return rows
