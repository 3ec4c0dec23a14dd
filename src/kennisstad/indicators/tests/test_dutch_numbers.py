"""Cells are read and written in Dutch notation."""

from decimal import Decimal

import pytest

from kennisstad.indicators.formatting import UnreadableValue, format_number, parse_value


@pytest.mark.parametrize(
    ("text", "comparator", "value", "high"),
    [
        ("-", None, None, None),
        ("2", None, Decimal(2), None),
        ("1.250", None, Decimal(1250), None),
        ("12,5%", None, Decimal("12.5"), None),
        ("> 5", ">", Decimal(5), None),
        (">= 80%", "≥", Decimal(80), None),
        ("≤\u00a03", "≤", Decimal(3), None),
        ("10–12", "range", Decimal(10), Decimal(12)),
        ("Top 8", "text", Decimal(8), None),
        ("NTB", "text", None, None),
    ],
)
def test_cells_are_read(text, comparator, value, high):
    parsed = parse_value(text)
    assert (parsed.comparator, parsed.value, parsed.value_high) == (comparator, value, high)


@pytest.mark.parametrize("text", ["> vijf", "12..5", "ongeveer tien", "12 - 10"])
def test_unreadable_cells_are_refused(text):
    with pytest.raises(UnreadableValue):
        parse_value(text)


def test_numbers_are_written_in_dutch_notation():
    assert format_number(Decimal(1250)) == "1.250"
    assert format_number(Decimal("12.5"), decimals=1, percentage=True) == "12,5%"
    assert format_number(Decimal(1234567)) == "1.234.567"
    assert format_number(None) == "-"
