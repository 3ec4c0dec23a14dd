"""Forecasts: what a year that has not ended is expected to reach. A year after the current one
shows no achieved value (never "Behaald"), only a forecast; the current year shows its forecast
beside what was achieved so far.

The forecasts are recorded higher up (``planning``: a bestuursrapportage forecasts each
indicator for its year), which ``indicators`` may not import. So this module declares an
extension point, ``FORECAST_SOURCES``, and ``planning`` registers its reader in
``PlanningConfig.ready`` (``planning.contributions``). Each contribution:
``(indicator_ids, years) -> dict[(indicator_id, year), ForecastFigure]`` in one query; ``years``
None means every year.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone

from kennisstad.core.contributions import ExtensionPoint

FORECAST_SOURCES = ExtensionPoint("indicator forecasts")


@dataclass(frozen=True)
class ForecastFigure:
    """One forecast as written (``text``: "6", "> 5"), the number behind it and where it comes
    from, labelled for the reader (``label``: "forecast (bestuursrapportage 2)")."""

    indicator_id: int
    year: int
    text: str
    value: Decimal | None
    label: str
    source: str = ""
    note: str = ""
    sequence: int | None = None  # the number of the bestuursrapportage in its year, if known


def is_future(year: int) -> bool:
    """A year after the current one: nothing can have been achieved in it yet."""
    return year > timezone.localdate().year


def forecasts(
    indicator_ids: Iterable[int], years: Iterable[int] | None = None
) -> dict[tuple[int, int], ForecastFigure]:
    """The forecast per indicator and year from every registered source (a later source wins
    for the same indicator and year); no query when there is nothing to ask for."""
    ids = sorted(set(indicator_ids))
    wanted = None if years is None else sorted(set(years))
    if not ids or wanted == []:
        return {}
    result: dict[tuple[int, int], ForecastFigure] = {}
    for source in FORECAST_SOURCES:
        result.update(source(ids, wanted))
    return result
