"""Which figures a P&C deadline still waits for: per indicator, what the document of the
deadline needs and nobody has entered yet. The reminders, the P&C calendar and the dashboard
ask this one module, so they never disagree about what "missing" means.

What a document needs of an indicator (``Y`` is the deadline's year):
- **jaarstukken Y**: a realised value for Y.
- **begroting Y**: a target for Y (the "Beoogd Y" column) and the latest realised value the
  begroting prints. That year comes from the municipality's begroting layout (planning's
  column setting, handed in through ``DOCUMENT_SCOPES``); Groningen's prints "Behaald Y-2", the
  default when no layout is known.
- **bestuursrapportage Y-n**: a forecast for Y, recorded in bestuursrapportage n or a later one
  of the year (forecasts are planning's: read through ``forecasts.FORECAST_SOURCES``); a realised
  value for Y also answers it.

A figure is not missing when the document prints a dash by rule: the indicator is measured
from a later year, or it is the off-year of an indicator measured every two years
(``Indicator.is_measured_in``). A computed indicator is never missing: the registry computes
it. A realised value counts when it holds a number or a text (``Top 8``); a value a partner
delivered counts only once a team member approved it, because only the approval makes its
``Realisation`` (origin "delivered"); one awaiting approval is still missing.

Which indicators a deadline concerns is the document's business, which sits above this app:
``DOCUMENT_SCOPES`` (filled by ``planning.contributions``) answers it. Without an answer every
indicator that is not computed is in scope.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _

from kennisstad.core.contributions import ExtensionPoint

from .forecasts import forecasts
from .models import Indicator, Method, Realisation, Target

DOCUMENT_SCOPES = ExtensionPoint("indicators a P&C deadline concerns")
"""Each contribution: ``(deadline) -> DocumentScope | None``; the first answer counts."""

REALISATION = "realisation"
TARGET = "target"
FORECAST = "forecast"

# Groningen's begroting Y prints "Behaald Y-2" as its latest achieved column.
DEFAULT_REALISATION_OFFSET = {"begroting": -2, "jaarstukken": 0}


@dataclass(frozen=True)
class DocumentScope:
    """The indicators a deadline's document shows, and the latest year of achieved values it
    prints (None: the default of ``DEFAULT_REALISATION_OFFSET``)."""

    indicator_ids: frozenset[int]
    realisation_year: int | None = None


@dataclass(frozen=True)
class Figure:
    """One figure a document needs: a realised value, a target or a forecast of a year."""

    kind: str
    year: int

    @property
    def label(self) -> str:
        labels = {
            REALISATION: _("achieved %(year)s"),
            TARGET: _("target %(year)s"),
            FORECAST: _("forecast %(year)s"),
        }
        return labels[self.kind] % {"year": self.year}


@dataclass(frozen=True)
class MissingValues:
    """An indicator and the figures of one deadline it still lacks."""

    indicator: Indicator
    figures: tuple[Figure, ...]

    @property
    def labels(self) -> str:
        return ", ".join(figure.label for figure in self.figures)


@dataclass
class OwnerMissing:
    """What one owner (a team member, a partner organisation, or nobody) still has to deliver."""

    owner: Any  # a User, an Organisation or None
    kind: str  # "user", "organisation" or "none"
    items: list[MissingValues] = field(default_factory=list)

    @property
    def figure_count(self) -> int:
        return sum(len(item.figures) for item in self.items)


def scope_of(deadline: Any) -> DocumentScope | None:
    for contribution in DOCUMENT_SCOPES:
        if (scope := contribution(deadline)) is not None:
            return scope
    return None


def needed_figures(deadline: Any, scope: DocumentScope | None) -> tuple[Figure, ...]:
    """The figures the deadline's document needs of each indicator in its scope."""
    year, kind = deadline.year, deadline.document_kind
    if kind == "bestuursrapportage":
        return (Figure(FORECAST, year),)
    realised = scope.realisation_year if scope and scope.realisation_year is not None else None
    if realised is None:
        realised = year + DEFAULT_REALISATION_OFFSET.get(kind, 0)
    if kind == "begroting":
        return (Figure(REALISATION, realised), Figure(TARGET, year))
    return (Figure(REALISATION, realised),)


def missing_values(deadline: Any) -> list[MissingValues]:
    """The indicators in the deadline's scope that still lack a figure its document needs, in
    the order the budget lists them."""
    return missing_for_deadlines([deadline])[deadline.pk]


def missing_for_deadlines(deadlines: Sequence[Any]) -> dict[int, list[MissingValues]]:
    """``missing_values`` of several deadlines at once: one query per kind of figure."""
    plans = []
    for deadline in deadlines:
        scope = scope_of(deadline)
        plans.append((deadline, scope, needed_figures(deadline, scope)))
    indicators = _indicators([scope for _d, scope, _f in plans])
    wanted = {figure for _d, _s, figures in plans for figure in figures}
    present = _present(indicators, wanted, deadlines)
    result = {}
    for deadline, scope, figures in plans:
        in_scope = [
            indicator
            for indicator in indicators
            if scope is None or indicator.pk in scope.indicator_ids
        ]
        rows = []
        for indicator in in_scope:
            lacking = tuple(
                figure
                for figure in figures
                if indicator.is_measured_in(figure.year)
                and not present(indicator.pk, figure, deadline)
            )
            if lacking:
                rows.append(MissingValues(indicator, lacking))
        result[deadline.pk] = rows
    return result


def _indicators(scopes: Iterable[DocumentScope | None]) -> list[Indicator]:
    scopes = list(scopes)
    queryset = (
        Indicator.objects.exclude(method=Method.COMPUTED)
        .select_related("policy_area", "owner", "owner_organisation")
        .order_by("policy_area__code", "order", "name_nl")
    )
    if scopes and all(scope is not None for scope in scopes):
        ids = set().union(*(scope.indicator_ids for scope in scopes if scope is not None))
        queryset = queryset.filter(pk__in=ids)
    return list(queryset)


def _present(
    indicators: list[Indicator], wanted: set[Figure], deadlines: Sequence[Any]
) -> Callable[[int, Figure, Any], bool]:
    """A test "has this indicator this figure (for this deadline)?" over three queries."""
    ids = [indicator.pk for indicator in indicators]
    years = {kind: {f.year for f in wanted if f.kind == kind} for kind in (REALISATION, TARGET)}
    years[REALISATION] |= {f.year for f in wanted if f.kind == FORECAST}
    realised = set()
    if ids and years[REALISATION]:
        realised = set(
            Realisation.objects.filter(indicator_id__in=ids, year__in=years[REALISATION])
            .filter(Q(value__isnull=False) | ~Q(display_text=""))
            .values_list("indicator_id", "year")
        )
    targets = set()
    if ids and years[TARGET]:
        targets = set(
            Target.objects.filter(indicator_id__in=ids, year__in=years[TARGET]).values_list(
                "indicator_id", "year"
            )
        )
    forecast_years = {f.year for f in wanted if f.kind == FORECAST}
    expected = forecasts(ids, forecast_years) if forecast_years else {}

    def present(indicator_id: int, figure: Figure, deadline: Any) -> bool:
        key = (indicator_id, figure.year)
        if figure.kind == TARGET:
            return key in targets
        if key in realised:
            return True
        if figure.kind == FORECAST and (found := expected.get(key)) is not None:
            return found.sequence is None or found.sequence >= deadline.sequence
        return False

    return present


def by_owner(rows: Iterable[MissingValues]) -> list[OwnerMissing]:
    """The missing values grouped per owner: team members first (by name), then partner
    organisations, then the indicators nobody owns."""
    groups: dict[tuple[str, int], OwnerMissing] = {}
    for row in rows:
        indicator = row.indicator
        if indicator.owner_id is not None:
            key, owner, kind = ("user", indicator.owner_id), indicator.owner, "user"
        elif indicator.owner_organisation_id is not None:
            key = ("organisation", indicator.owner_organisation_id)
            owner, kind = indicator.owner_organisation, "organisation"
        else:
            key, owner, kind = ("none", 0), None, "none"
        groups.setdefault(key, OwnerMissing(owner=owner, kind=kind)).items.append(row)
    order = {"user": 0, "organisation": 1, "none": 2}
    return sorted(groups.values(), key=lambda group: (order[group.kind], str(group.owner or "")))


def missing_per_organisation(
    deadlines: Sequence[Any], organisation_id: int
) -> dict[int, list[MissingValues]]:
    """For a partner's own page: per deadline only the missing values of the indicators its
    organisation owns (a partner sees nothing else of the calendar)."""
    found = missing_for_deadlines(deadlines)
    result: defaultdict[int, list[MissingValues]] = defaultdict(list)
    for deadline_id, rows in found.items():
        result[deadline_id] = [
            row for row in rows if row.indicator.owner_organisation_id == organisation_id
        ]
    return dict(result)
