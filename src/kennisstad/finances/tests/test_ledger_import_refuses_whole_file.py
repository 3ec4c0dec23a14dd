"""Must show (issue 14): a ledger export of 10,000 lines imports; the same file with one bad
amount and one unknown taakveld is refused naming both rows, and the database is unchanged."""

from decimal import Decimal

import pytest

from kennisstad.core.imports import ImportRefused
from kennisstad.finances.models import FinanceLine, LedgerImport
from kennisstad.finances.services import import_ledger
from kennisstad.policy.tests.factories import seed_policy_field

from .factories import ledger_csv, ledger_row


def _rows(count: int) -> list[str]:
    rows = []
    for number in range(count):
        taakveld = "3.4 Economische promotie" if number % 3 else "3.1"
        rows.append(ledger_row(account=f"4{number:05d}", taakveld=taakveld, amount="1.234,50"))
    return rows


@pytest.mark.django_db
def test_ten_thousand_lines_import_and_a_file_with_two_bad_rows_changes_nothing():
    seed_policy_field()
    rows = _rows(10_000)
    report = import_ledger(data=ledger_csv(rows), file_name="grootboek.csv")
    assert report.line_count == 10_000
    assert FinanceLine.objects.count() == 10_000
    assert LedgerImport.objects.get().total_expenses == Decimal("1234.50") * 10_000
    stored = set(FinanceLine.objects.values_list("id", flat=True))

    rows[4_321] = ledger_row(account="4004321", amount="twaalf euro")  # row 4,323 of the file
    rows[8_000] = ledger_row(account="4008000", taakveld="9.9 Bestaat niet")  # row 8,002
    with pytest.raises(ImportRefused) as refused:
        import_ledger(data=ledger_csv(rows), file_name="grootboek-fout.csv")

    problems = refused.value.problems
    assert [(problem.row, problem.field) for problem in problems] == [
        (4_323, "Bedrag"),
        (8_002, "Taakveld"),
    ]
    assert "twaalf euro" in problems[0].message
    assert "9.9 Bestaat niet" in problems[1].message
    assert set(FinanceLine.objects.values_list("id", flat=True)) == stored
    assert LedgerImport.objects.count() == 1


@pytest.mark.django_db
def test_every_bad_row_is_named_up_to_a_cap_that_says_how_many_more():
    seed_policy_field()
    rows = [ledger_row(account=str(n), policy_field="9.9.9") for n in range(250)]
    with pytest.raises(ImportRefused) as refused:
        import_ledger(data=ledger_csv(rows), file_name="grootboek.csv")
    problems = refused.value.problems
    assert len(problems) == 201
    assert problems[0].row == 2 and "9.9.9" in problems[0].message
    assert "50" in problems[-1].message and "250" in problems[-1].message
    assert not FinanceLine.objects.exists()


@pytest.mark.django_db
def test_missing_year_unknown_kind_and_raming_without_its_year_are_named():
    seed_policy_field()
    rows = [
        ledger_row(year=""),
        ledger_row(kind="begroot misschien"),
        ledger_row(kind="raming", year=2020),
        ledger_row(direction="X"),
    ]
    with pytest.raises(ImportRefused) as refused:
        import_ledger(data=ledger_csv(rows), file_name="grootboek.csv")
    by_row = {problem.row: problem.message for problem in refused.value.problems}
    assert set(by_row) == {2, 3, 4, 5}
    assert "begroot misschien" in by_row[3]
    assert "raming" in by_row[4]
    assert not FinanceLine.objects.exists()
