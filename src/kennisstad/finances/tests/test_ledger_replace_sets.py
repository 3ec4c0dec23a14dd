"""An import replaces, per (year, kind, estimated in) set in the file, the stored lines of that
set and leaves every other set alone; the wijzigingen of a year are one set."""

from decimal import Decimal

import pytest

from kennisstad.finances.models import FinanceLine, LedgerImport, LineKind
from kennisstad.finances.selectors import Column, area_total
from kennisstad.finances.services import import_ledger

from .factories import FinanceLineFactory, ledger_csv, ledger_row


@pytest.mark.django_db
def test_only_the_sets_in_the_file_are_replaced(team_member):
    kept_realised = FinanceLineFactory(year=2018, kind=LineKind.REALISED)
    kept_other_year = FinanceLineFactory(year=2017, kind=LineKind.ORIGINAL_BUDGET)
    kept_estimate = FinanceLineFactory(year=2020, kind=LineKind.ESTIMATE, estimated_in=2017)
    FinanceLineFactory(year=2018, kind=LineKind.ORIGINAL_BUDGET)
    FinanceLineFactory(year=2018, kind=LineKind.AMENDMENT, amendment="BW 2018-01")
    FinanceLineFactory(year=2020, kind=LineKind.ESTIMATE, estimated_in=2018)
    rows = [
        ledger_row(amount="5.000"),
        ledger_row(kind="wijziging", amount="1.000"),
        ledger_row(kind="raming", year=2020, estimated_in="2018", amount="6.000"),
    ]
    data = ledger_csv(rows)
    report = import_ledger(data=data, file_name="grootboek.csv", user=team_member)

    assert report.replaced_count == 3
    remaining = set(FinanceLine.objects.exclude(batch_id=report.import_id))
    assert remaining == {kept_realised, kept_other_year, kept_estimate}
    assert area_total(Column(2018, "na_wijziging"), "2.1.4").expenses == Decimal("6000")
    batch = LedgerImport.objects.get(pk=report.import_id)
    assert batch.imported_by == team_member and batch.line_count == 3
    assert batch.replaced_count == 3 and batch.total_expenses == Decimal("12000")
    assert [2018, "primitief", None] in batch.scopes
    assert [2020, "raming", 2018] in batch.scopes
    assert len(batch.checksum) == 64

    again = import_ledger(data=data, file_name="grootboek.csv")
    assert again.replaced_count == 3
    assert FinanceLine.objects.count() == 6
