"""What ``planning`` adds to the apps below it: the forecasts its bestuursrapportages record,
read by ``indicators.forecasts`` (the indicator page, the dashboard, the chapter tables).
Registered in ``PlanningConfig.ready``."""

from collections.abc import Sequence

from django.utils.translation import gettext as _

from kennisstad.indicators.forecasts import FORECAST_SOURCES, ForecastFigure
from kennisstad.indicators.missing import DOCUMENT_SCOPES

from .cycle_models import Forecast
from .deadline_scope import deadline_scope


def forecast_label(sequence: int) -> str:
    """How a forecast is labelled: "verwacht (bestuursrapportage 2)"."""
    return _("forecast (bestuursrapportage %(number)s)") % {"number": sequence}


def bestuursrapportage_forecasts(
    indicator_ids: Sequence[int], years: Sequence[int] | None
) -> dict[tuple[int, int], ForecastFigure]:
    """Per indicator and year the forecast of the year's latest bestuursrapportage that gives
    one, in one query."""
    rows = Forecast.objects.filter(indicator_id__in=indicator_ids).select_related("report")
    if years is not None:
        rows = rows.filter(year__in=years)
    result: dict[tuple[int, int], ForecastFigure] = {}
    for forecast in rows.order_by("report__sequence", "pk"):
        report = forecast.report
        result[(forecast.indicator_id, forecast.year)] = ForecastFigure(
            indicator_id=forecast.indicator_id,
            year=forecast.year,
            text=forecast.display_text,
            value=forecast.value,
            label=forecast_label(report.sequence),
            source=str(report),
            note=forecast.note,
            sequence=report.sequence,
        )
    return result


def register() -> None:
    FORECAST_SOURCES.register(bestuursrapportage_forecasts)
    DOCUMENT_SCOPES.register(deadline_scope)
