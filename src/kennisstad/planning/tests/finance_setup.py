"""Test data for the money in the chapters: a draft jaarstukken 2018 (or begroting) with the
chapter of policy field 2.1.4, and ledger lines on it."""

from decimal import Decimal

from kennisstad.finances.models import Direction, LineKind
from kennisstad.finances.tests.factories import FinanceLineFactory, taakveld
from kennisstad.planning.models import Chapter
from kennisstad.policy.models import Document
from kennisstad.policy.tests.factories import seed_policy_field


def chapter_of(kind: str, year: int = 2018) -> Chapter:
    document = Document.objects.create(kind=kind, year=year)
    return Chapter.objects.create(document=document, policy_area=seed_policy_field())


def line(year, kind, direction, amount, *, code="3.4", estimated_in=None, area=None):
    return FinanceLineFactory(
        year=year,
        kind=kind,
        estimated_in=estimated_in,
        direction=direction,
        amount=Decimal(amount),
        taakveld=taakveld(code),
        **({"policy_area": area} if area is not None else {}),
    )


def overspent(year: int = 2018) -> None:
    """Budget 1.000.000 lasten, realised 1.300.000: a difference of 300.000 (30%) in lasten and
    saldo; baten as budgeted."""
    line(year, LineKind.ORIGINAL_BUDGET, Direction.EXPENSES, "1000000")
    line(year, LineKind.REALISED, Direction.EXPENSES, "1300000")
    line(year, LineKind.ORIGINAL_BUDGET, Direction.INCOME, "200000")
    line(year, LineKind.REALISED, Direction.INCOME, "200000")
