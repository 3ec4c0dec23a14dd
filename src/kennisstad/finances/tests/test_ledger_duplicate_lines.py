"""Two lines with the same year, kind, account, cost centre, taakveld, policy field,
lasten/baten and description are one line twice: the file is refused naming both rows."""

import pytest

from kennisstad.core.imports import ImportRefused
from kennisstad.finances.models import FinanceLine
from kennisstad.finances.services import import_ledger
from kennisstad.policy.tests.factories import seed_policy_field

from .factories import ledger_csv, ledger_row


@pytest.mark.django_db
def test_a_duplicate_line_names_both_rows():
    seed_policy_field()
    rows = [
        ledger_row(account="4300", amount="100"),
        ledger_row(account="4310", amount="200"),
        ledger_row(account="4300", taakveld="3.4 Economische promotie", amount="300"),
    ]
    with pytest.raises(ImportRefused) as refused:
        import_ledger(data=ledger_csv(rows), file_name="grootboek.csv")
    [problem] = refused.value.problems
    assert problem.row == 4
    assert "2" in problem.message
    assert not FinanceLine.objects.exists()


@pytest.mark.django_db
def test_lines_that_differ_in_direction_kind_or_estimate_year_are_not_duplicates():
    seed_policy_field()
    rows = [
        ledger_row(),
        ledger_row(direction="B"),
        ledger_row(kind="rekening"),
        ledger_row(kind="raming", year=2020, estimated_in="2018"),
        ledger_row(kind="raming", year=2020, estimated_in="2019"),
    ]
    report = import_ledger(data=ledger_csv(rows), file_name="grootboek.csv")
    assert report.line_count == 5
    assert FinanceLine.objects.count() == 5


@pytest.mark.django_db
def test_bookings_that_differ_only_in_description_are_two_lines():
    seed_policy_field()
    header = "Jaar;Soort;Grootboekrekening;Taakveld;Beleidsveld;L/B;Bedrag;Omschrijving"
    rows = [
        "2018;primitief;4300;3.4;2.1.4;L;100;Huur kantoor",
        "2018;primitief;4300;3.4;2.1.4;L;100;Schoonmaak kantoor",
    ]
    report = import_ledger(data=ledger_csv(rows, header=header), file_name="grootboek.csv")
    assert report.line_count == 2
    assert set(FinanceLine.objects.values_list("description", flat=True)) == {
        "Huur kantoor",
        "Schoonmaak kantoor",
    }


@pytest.mark.django_db
def test_the_same_description_twice_is_still_a_duplicate():
    seed_policy_field()
    header = "Jaar;Soort;Grootboekrekening;Taakveld;Beleidsveld;L/B;Bedrag;Omschrijving"
    rows = [
        "2018;primitief;4300;3.4;2.1.4;L;100;Huur kantoor",
        "2018;primitief;4300;3.4;2.1.4;L;250;Huur kantoor",
    ]
    with pytest.raises(ImportRefused) as refused:
        import_ledger(data=ledger_csv(rows, header=header), file_name="grootboek.csv")
    [problem] = refused.value.problems
    assert problem.row == 3 and "2" in problem.message
    assert not FinanceLine.objects.exists()
