"""A trend chart's value axis uses round steps in Dutch notation (0, 2, 4, 6, 8), not the
fractions a plain division gives (0, 1, 3, 4, 6 after rounding)."""

from decimal import Decimal

from kennisstad.indicators.charts import trend_chart


def row(year, realised=None, target=None):
    return {
        "year": year,
        "realised": None if realised is None else Decimal(realised),
        "target": None if target is None else Decimal(target),
        "realised_text": str(realised),
        "target_text": str(target),
    }


def test_round_steps():
    chart = trend_chart([row(2016, realised=2), row(2017, target=2), row(2018, target=5)])
    assert [tick.label for tick in chart.y_ticks] == ["0", "2", "4", "6", "8"]


def test_dutch_notation_for_fractions_and_thousands():
    small = trend_chart([row(2016, realised="0.3")])
    assert [tick.label for tick in small.y_ticks] == ["0", "0,5", "1", "1,5", "2"]
    large = trend_chart([row(2016, realised=1250)])
    assert large.y_ticks[-1].label == "2.000"
