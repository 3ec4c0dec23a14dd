"""Ranges written with "tot" and trend words are read as printed documents write them."""

from decimal import Decimal

from kennisstad.indicators.formatting import parse_value


def test_tot_ranges_are_ranges():
    for text in ("65 tot 70 %", "65% tot 70%", "10 – 12"):
        parsed = parse_value(text)
        assert (parsed.comparator, parsed.value, parsed.value_high) == (
            "range",
            Decimal(65) if "65" in text else Decimal(10),
            Decimal(70) if "70" in text else Decimal(12),
        )


def test_trend_words_are_text():
    for text in ("Stijgend", "Gelijk", "n.n.b."):
        assert parse_value(text).comparator == "text"
