"""A dry run reports what would be replaced and added, with the totals per set, and writes
nothing: no lines, no import record."""

from decimal import Decimal

import pytest
from django.utils.translation import gettext as _

from kennisstad.finances.models import FinanceLine, LedgerImport, LineKind
from kennisstad.finances.services import import_ledger

from .factories import FinanceLineFactory, ledger_csv, ledger_row


@pytest.mark.django_db
def test_a_dry_run_reports_and_writes_nothing():
    FinanceLineFactory.create_batch(3, year=2018, kind=LineKind.ORIGINAL_BUDGET)
    before = list(FinanceLine.objects.values_list("id", "amount"))
    batches = LedgerImport.objects.count()
    rows = [
        ledger_row(account="1", amount="1.000"),
        ledger_row(account="2", direction="B", amount="250,50"),
        ledger_row(account="3", kind="rekening", amount="700"),
    ]
    report = import_ledger(data=ledger_csv(rows), file_name="grootboek.csv", dry_run=True)
    assert report.dry_run and report.import_id is None
    scopes = {(s.year, s.kind): s for s in report.scopes}
    primitief = scopes[(2018, "primitief")]
    assert (primitief.lines, primitief.replaced) == (2, 3)
    assert (primitief.expenses, primitief.income) == (Decimal("1000"), Decimal("250.50"))
    assert scopes[(2018, "realisatie")].replaced == 0
    assert report.replaced_count == 3 and report.line_count == 3
    assert list(FinanceLine.objects.values_list("id", "amount")) == before
    assert LedgerImport.objects.count() == batches
    assert report.lines()[0] == _("Dry run: nothing was written.")
