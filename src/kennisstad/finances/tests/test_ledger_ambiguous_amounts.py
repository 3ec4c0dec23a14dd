"""An amount a person could read two ways is refused, not guessed: ``10,000`` is ten thousand
in English and ten in Dutch; with both separators the grouping must be by threes."""

import pytest

from kennisstad.core.imports import ImportRefused
from kennisstad.finances.ledger_values import parse_amount
from kennisstad.finances.models import FinanceLine
from kennisstad.finances.services import import_ledger
from kennisstad.policy.tests.factories import seed_policy_field

from .factories import ledger_csv, ledger_row


@pytest.mark.parametrize("printed", ["10,000", "2,000", "1,500", "-1,234", "(0,250)"])
def test_one_comma_before_three_digits_is_refused_as_ambiguous(printed):
    with pytest.raises(ValueError) as refused:
        parse_amount(printed)
    assert printed in str(refused.value)


def test_the_refusal_says_how_to_write_it():
    with pytest.raises(ValueError) as refused:
        parse_amount("10,000")
    for spelling in ("10000", "10.000", "10000,00"):
        assert spelling in str(refused.value)


@pytest.mark.parametrize("printed", ["12.34,56", "1.2.3,4", "1,23.45", "1234.567,8", "1.234,56.7"])
def test_both_separators_must_group_by_threes(printed):
    with pytest.raises(ValueError):
        parse_amount(printed)


@pytest.mark.parametrize(
    ("printed", "amount"),
    [("1.234,56", "1234.56"), ("1,234.56", "1234.56"), ("12.345.678,90", "12345678.90")],
)
def test_well_grouped_amounts_still_read(printed, amount):
    assert str(parse_amount(printed)) == amount


@pytest.mark.django_db
def test_a_file_with_an_ambiguous_amount_is_refused_naming_the_cell():
    seed_policy_field()
    rows = [ledger_row(account="1", amount="100"), ledger_row(account="2", amount="10,000")]
    with pytest.raises(ImportRefused) as refused:
        import_ledger(data=ledger_csv(rows), file_name="grootboek.csv")
    [problem] = refused.value.problems
    assert (problem.row, problem.field) == (3, "Bedrag")
    assert "10,000" in problem.message
    assert not FinanceLine.objects.exists()
