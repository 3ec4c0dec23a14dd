"""Amounts as ledgers print them, Dutch or plain: the last of two separators is the decimal
one, a lone grouped point is a thousands point, parentheses make a negative."""

from decimal import Decimal

import pytest

from kennisstad.finances.ledger_values import parse_amount


@pytest.mark.parametrize(
    ("printed", "amount"),
    [
        ("1.234,56", "1234.56"),
        ("-1.234", "-1234"),
        ("€ 1.234,56", "1234.56"),
        ("€\u00a01.234,56", "1234.56"),
        ("(1.234,56)", "-1234.56"),
        ("1234.56", "1234.56"),
        ("1,234.56", "1234.56"),
        ("1.234", "1234"),
        ("1.234.567", "1234567"),
        ("1234.5", "1234.5"),
        ("1234,5", "1234.5"),
        ("1,234,567", "1234567"),
        ("0,5", "0.5"),
        ("12", "12"),
        ("1.234,56-", "-1234.56"),
        ("-€ 250", "-250"),
        (1250, "1250"),
        (1234.56, "1234.56"),
        (0.1 + 0.2, "0.30"),
    ],
)
def test_an_amount_is_read_in_dutch_or_plain_notation(printed, amount):
    assert parse_amount(printed) == Decimal(amount)


@pytest.mark.parametrize(
    "printed", ["", "twaalf", "1,2,3", "1.234,5.6", "12 34,5x", "1.2345", "--5", True, None, "NaN"]
)
def test_what_is_no_amount_is_refused(printed):
    with pytest.raises(ValueError):
        parse_amount(printed)


def test_more_than_two_decimals_is_refused_not_rounded():
    with pytest.raises(ValueError, match="1234,567"):
        parse_amount("1234,567")
