"""The finance overview of a year: per policy area (programme > sub-programme > field) the
ledger's lasten, baten and saldo as budgeted (primitief, na wijziging) and realised, the
projects' allocations rolled up beside the ledger's lasten, and the grants.

A few queries per page whatever the number of lines: one per ledger column
(``selectors.totals``), one for the allocations, one for the grants, one for the areas. A
programme's figures are the sum of everything booked below it.
"""

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TypeVar

from django.db.models import QuerySet, Sum
from django.db.models.functions import ExtractYear

from kennisstad.policy.models import PolicyArea

from .grant_models import Grant
from .grant_selectors import GrantTotals, grant_totals
from .models import FinanceLine, ProjectAllocation
from .selectors import Amounts, Column, totals

ZERO = Decimal("0")
Summable = TypeVar("Summable", Amounts, "Allocated", GrantTotals)
LEDGER_BASES = ("primitief", "na_wijziging", "realisatie")


@dataclass(frozen=True)
class Allocated:
    """Σ of the projects' allocations: budgeted, and spent as far as known."""

    budgeted: Decimal = ZERO
    spent: Decimal = ZERO

    def __add__(self, other: "Allocated") -> "Allocated":
        return Allocated(self.budgeted + other.budgeted, self.spent + other.spent)


@dataclass
class OverviewRow:
    area: PolicyArea
    depth: int
    ledger: dict[str, Amounts] = field(default_factory=dict)  # per basis in LEDGER_BASES
    allocated: Allocated = field(default_factory=Allocated)
    grants: GrantTotals = field(default_factory=GrantTotals)

    @property
    def budget_difference(self) -> Decimal:
        """Lasten na wijziging not accounted for by the projects' budgets (negative: the
        projects budget more than the ledger holds)."""
        return self.ledger["na_wijziging"].expenses - self.allocated.budgeted

    @property
    def spending_difference(self) -> Decimal:
        """Realised lasten not accounted for by what the projects spent."""
        return self.ledger["realisatie"].expenses - self.allocated.spent

    @property
    def columns(self) -> list[Amounts]:
        return [self.ledger[basis] for basis in LEDGER_BASES]


def allocation_totals(year: int) -> dict[str, Allocated]:
    """Σ budgeted and Σ spent of the projects per policy-field code in ``year`` (one query)."""
    rows = (
        ProjectAllocation.objects.filter(year=year)
        .values("policy_area__code")
        .annotate(budgeted=Sum("budgeted"), spent=Sum("spent"))
        .order_by()
    )
    return {
        row["policy_area__code"]: Allocated(row["budgeted"] or ZERO, row["spent"] or ZERO)
        for row in rows
    }


def _within(code: str, area_code: str) -> bool:
    return code == area_code or code.startswith(f"{area_code}.")


def _rolled_up(values: Mapping[str, Summable], area_code: str, empty: Summable) -> Summable:
    """The sum of the values booked on ``area_code`` and every area below it."""
    total = empty
    for code, value in values.items():
        if _within(code, area_code):
            total = total + value
    return total


def _depth(area: PolicyArea, by_pk: dict[int, PolicyArea]) -> int:
    depth, parent_id = 0, area.parent_id
    while parent_id is not None and parent_id in by_pk and depth < 10:
        depth, parent_id = depth + 1, by_pk[parent_id].parent_id
    return depth


def _tree_order(areas: list[PolicyArea]) -> list[PolicyArea]:
    """Each area followed by its children, by code (2, 2.1, 2.1.4, 2.2, ...)."""
    return sorted(
        areas, key=lambda area: [int(p) if p.isdigit() else 0 for p in area.code.split(".")]
    )


def finance_overview(year: int) -> list[OverviewRow]:
    """The rows of the overview for ``year``: every policy area with something booked, budgeted
    or granted on it or below it, in tree order."""
    ledger = {
        basis: {key[0]: amounts for key, amounts in totals(Column(year, basis)).items()}
        for basis in LEDGER_BASES
    }
    allocated = allocation_totals(year)
    grants = grant_totals(year=year)
    codes = set(allocated) | set(grants)
    for per_area in ledger.values():
        codes |= set(per_area)
    areas = list(PolicyArea.objects.only("pk", "code", "title_nl", "title_en", "parent_id"))
    by_pk = {area.pk: area for area in areas}
    rows = []
    for area in _tree_order(areas):
        if not any(_within(code, area.code) for code in codes):
            continue
        rows.append(
            OverviewRow(
                area=area,
                depth=_depth(area, by_pk),
                ledger={b: _rolled_up(ledger[b], area.code, Amounts()) for b in LEDGER_BASES},
                allocated=_rolled_up(allocated, area.code, Allocated()),
                grants=_rolled_up(grants, area.code, GrantTotals()),
            )
        )
    return rows


def overview_years(today: datetime.date) -> list[int]:
    """The years with ledger lines, allocations or grants, newest first; this year if none."""
    years: set[int] = set(FinanceLine.objects.values_list("year", flat=True).order_by().distinct())
    years |= set(ProjectAllocation.objects.values_list("year", flat=True).order_by().distinct())
    years |= set(
        Grant.objects.annotate(start_year=ExtractYear("period_start"))
        .values_list("start_year", flat=True)
        .order_by()
        .distinct()
    )
    return sorted(years or {today.year}, reverse=True)


def allocations_of_year(
    year: int, *, areas: Iterable[str] | None = None
) -> QuerySet[ProjectAllocation]:
    """The allocations of ``year`` for the overview's list, with what their rows show."""
    queryset = ProjectAllocation.objects.filter(year=year).select_related(
        "project", "policy_area", "taakveld"
    )
    if areas is not None:
        queryset = queryset.filter(policy_area__code__in=list(areas))
    return queryset.order_by("policy_area__code", "project__title_nl", "taakveld__position")
