"""Reads of the money: totals of lasten and baten per policy field and taakveld for one column
of a finance table (a year and a basis), computed in the database so a document's tables stay
fast with a full ledger.

A column's basis: ``realisatie`` (the rekening), ``primitief`` (the budget as adopted),
``na_wijziging`` (primitief plus every begrotingswijziging of that year) or ``raming`` (the
multi-year estimate made in the begroting of ``estimated_in``).
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from django.db.models import Q, QuerySet, Sum

from .models import Direction, FinanceLine, LineKind, Taakveld

ZERO = Decimal("0")
BASES = ("realisatie", "primitief", "na_wijziging", "raming")


class Amounts(NamedTuple):
    """Lasten and baten of one cell group; saldo is baten minus lasten (negative: nadelig).
    A named tuple: a document's tables make tens of thousands, and a tuple is made fastest."""

    expenses: Decimal = ZERO
    income: Decimal = ZERO

    @property
    def balance(self) -> Decimal:
        return self.income - self.expenses

    def __add__(self, other: "Amounts") -> "Amounts":  # type: ignore[override]
        return Amounts(self.expenses + other.expenses, self.income + other.income)


@dataclass(frozen=True)
class Column:
    year: int
    basis: str  # one of BASES
    estimated_in: int | None = None  # for raming: the begroting year that made the estimate

    def __post_init__(self) -> None:
        if self.basis not in BASES:
            raise ValueError(f"unknown basis {self.basis!r}")
        if self.basis == "raming" and self.estimated_in is None:
            raise ValueError("a raming column needs estimated_in")


def column_filter(column: Column) -> Q:
    """The lines that make up one column."""
    if column.basis == "realisatie":
        return Q(year=column.year, kind=LineKind.REALISED)
    if column.basis == "primitief":
        return Q(year=column.year, kind=LineKind.ORIGINAL_BUDGET)
    if column.basis == "na_wijziging":
        return Q(year=column.year, kind__in=[LineKind.ORIGINAL_BUDGET, LineKind.AMENDMENT])
    return Q(year=column.year, kind=LineKind.ESTIMATE, estimated_in=column.estimated_in)


def area_filter(codes: Iterable[str] | None) -> Q:
    """Lines booked on these policy areas or anything below them (2.1 takes 2.1.4)."""
    if codes is None:
        return Q()
    condition = Q(pk__in=[])
    for code in codes:
        condition |= Q(policy_area__code=code) | Q(policy_area__code__startswith=f"{code}.")
    return condition


def totals(
    column: Column, *, by: tuple[str, ...] = ("policy_area",), areas: Iterable[str] | None = None
) -> dict[tuple[str, ...], Amounts]:
    """Lasten and baten of ``column``, grouped by ``by`` (``policy_area`` gives codes,
    ``taakveld`` gives taakveld codes), optionally only for the policy areas ``areas`` and
    below. One query."""
    fields = {"policy_area": "policy_area__code", "taakveld": "taakveld__code"}
    group = [fields[name] for name in by]
    rows = (
        FinanceLine.objects.filter(column_filter(column), area_filter(areas))
        .values(*group, "direction")
        .annotate(total=Sum("amount"))
        .order_by()
    )
    result: dict[tuple[str, ...], Amounts] = defaultdict(Amounts)
    for row in rows:
        key = tuple(row[name] for name in group)
        amount = row["total"] or ZERO
        if row["direction"] == Direction.EXPENSES:
            result[key] = result[key] + Amounts(expenses=amount)
        else:
            result[key] = result[key] + Amounts(income=amount)
    return dict(result)


def area_total(column: Column, code: str) -> Amounts:
    """Lasten and baten of one policy area (with everything below it) in ``column``."""
    return sum(totals(column, areas=[code]).values(), Amounts())


def taakvelden() -> QuerySet[Taakveld]:
    """The national list, in its official order."""
    return Taakveld.objects.order_by("position")


def taakveld_by_code() -> dict[str, Taakveld]:
    return {taakveld.code: taakveld for taakveld in taakvelden()}


def columns_of_line(columns: Iterable[Column]) -> dict[tuple[int, str, int | None], list[Column]]:
    """Which of ``columns`` a line of (year, kind, estimated_in) counts in: a primitieve
    begroting line in both its primitief and its na-wijziging column, a wijziging only in the
    latter."""
    owners: dict[tuple[int, str, int | None], list[Column]] = defaultdict(list)
    for column in columns:
        if column.basis == "realisatie":
            owners[(column.year, LineKind.REALISED, None)].append(column)
        elif column.basis == "primitief":
            owners[(column.year, LineKind.ORIGINAL_BUDGET, None)].append(column)
        elif column.basis == "na_wijziging":
            owners[(column.year, LineKind.ORIGINAL_BUDGET, None)].append(column)
            owners[(column.year, LineKind.AMENDMENT, None)].append(column)
        else:
            owners[(column.year, LineKind.ESTIMATE, column.estimated_in)].append(column)
    return owners


def ledger_by_area_and_taakveld(
    columns: Iterable[Column], *, areas: Iterable[str] | None = None
) -> dict[Column, dict[tuple[str, str], Amounts]]:
    """Per column the lasten and baten per (policy area code, taakveld code), for any number
    of columns (of one document or of several) in one query, so a page of many chapters of
    many documents costs a fixed number of queries. A key is present only when lines were
    booked on it (a sum of 0 is 0, no key is no data). Grouped on the ids, without joins, the
    codes looked up once."""
    from kennisstad.policy.models import PolicyArea

    columns = list(dict.fromkeys(columns))
    if not columns:
        return {}
    owners = columns_of_line(columns)
    areas = None if areas is None else list(areas)
    area_codes = dict(PolicyArea.objects.values_list("pk", "code"))
    taakveld_codes = dict(Taakveld.objects.values_list("pk", "code"))
    wanted = Q(pk__in=[])
    for column in columns:
        wanted |= column_filter(column)
    rows = (
        FinanceLine.objects.filter(wanted, area_filter(areas))
        .values_list("year", "kind", "estimated_in", "policy_area_id", "taakveld_id", "direction")
        .annotate(total=Sum("amount"))
        .order_by()
    )
    sums: dict[Column, dict[tuple[str, str], list[Decimal]]] = {c: {} for c in columns}
    for year, kind, estimated_in, area, taakveld, direction, total in rows:
        if kind != LineKind.ESTIMATE:
            estimated_in = None
        key = (area_codes[area], taakveld_codes[taakveld])
        side = 0 if direction == Direction.EXPENSES else 1
        for column in owners.get((year, kind, estimated_in), ()):
            cell = sums[column].setdefault(key, [ZERO, ZERO])
            cell[side] += total or ZERO
    return {
        column: {key: Amounts(*cell) for key, cell in cells.items()}
        for column, cells in sums.items()
    }
