"""Test data for the money: ledger lines on policy field 2.1.4 and taakveld 3.4, their import
batch, project allocations and grants."""

import datetime
from decimal import Decimal

import factory

from kennisstad.finances.models import (
    Direction,
    FinanceLine,
    Grant,
    GrantStatus,
    LedgerImport,
    LineKind,
    ProjectAllocation,
    Taakveld,
)
from kennisstad.policy.tests.factories import seed_policy_field
from kennisstad.relations.tests.factories import OrganisationFactory


def taakveld(code: str = "3.4") -> Taakveld:
    """A taakveld of the national list (loaded by the migration)."""
    return Taakveld.objects.get(code=code)


class LedgerImportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LedgerImport

    file_name = "grootboek.csv"
    checksum = "0" * 64


class FinanceLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FinanceLine

    year = 2018
    kind = LineKind.ORIGINAL_BUDGET
    policy_area = factory.LazyFunction(seed_policy_field)
    taakveld = factory.LazyFunction(taakveld)
    direction = Direction.EXPENSES
    amount = Decimal("1000.00")
    batch = factory.SubFactory(LedgerImportFactory)
    row_number = factory.Sequence(lambda n: n + 2)


class ProjectAllocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProjectAllocation

    project = factory.SubFactory("kennisstad.projects.tests.factories.ProjectFactory")
    year = 2018
    policy_area = factory.LazyFunction(seed_policy_field)
    taakveld = factory.LazyFunction(taakveld)
    budgeted = Decimal("25000.00")


class GrantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Grant

    organisation = factory.SubFactory(OrganisationFactory)
    title_nl = "Ondersteuning International Welcome Center North"
    title_en = "Support of the International Welcome Center North"
    policy_area = factory.LazyFunction(seed_policy_field)
    taakveld = factory.LazyFunction(taakveld)
    status = GrantStatus.GRANTED
    decision_number = factory.Sequence(lambda n: f"SUB-2018-{n:03d}")
    amount_granted = Decimal("150000.00")
    period_start = datetime.date(2018, 1, 1)
    period_end = datetime.date(2018, 12, 31)
    granted_on = datetime.date(2017, 12, 12)
    accountability_due = datetime.date(2019, 4, 1)


LEDGER_HEADER = "Boekjaar;Soort;Geraamd in;Grootboekrekening;Taakveld;Beleidsveld;L/B;Bedrag"


def ledger_row(
    year: int = 2018,
    kind: str = "primitief",
    account: str = "4300",
    taakveld: str = "3.4",
    policy_field: str = "2.1.4",
    direction: str = "L",
    amount: str = "1.000,00",
    estimated_in: str = "",
) -> str:
    """One line of a ledger export as a Dutch financial system writes it (semicolons)."""
    return ";".join(
        [str(year), kind, estimated_in, account, taakveld, policy_field, direction, amount]
    )


def ledger_csv(rows: list[str], header: str = LEDGER_HEADER) -> bytes:
    """A ledger export: the header and ``rows``, in UTF-8 with Windows line ends."""
    return ("\r\n".join([header, *rows]) + "\r\n").encode("utf-8")
