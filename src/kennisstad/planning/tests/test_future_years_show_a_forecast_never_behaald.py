"""A year after the current one has not been achieved: the indicator page, the chapter tables
and the dashboard show no achieved value ("Behaald") for it, even when one was recorded, only
the forecast a bestuursrapportage gives, labelled with the report; the current year shows its
forecast too."""

import pytest
from django.urls import reverse
from django.utils import timezone

from kennisstad.indicators.formatting import DASH
from kennisstad.indicators.models import Indicator, Realisation
from kennisstad.indicators.selectors import year_status
from kennisstad.planning.chapter_table import FORECAST, YEAR_TO_COME
from kennisstad.planning.models import Chapter, ChapterIndicator
from kennisstad.planning.selectors import live_table
from kennisstad.planning.services import record_forecast
from kennisstad.planning.tests.cycle_setup import begroting
from kennisstad.policy.models import Document, PolicyArea

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

THIS_YEAR = timezone.localdate().year
NEXT_YEAR = THIS_YEAR + 1


@pytest.fixture
def indicator(team_member) -> Indicator:
    """An indicator with a value recorded for next year (it must not show), and the second
    bestuursrapportage of next year forecasting 6 for it."""
    begroting(year=NEXT_YEAR)
    indicator = Indicator.objects.order_by("code").first()
    Realisation.objects.create(
        indicator=indicator,
        year=NEXT_YEAR,
        value=42,
        origin="manual",
        measured_on=timezone.localdate(),
    )
    for sequence, value in ((1, "4"), (2, "6")):
        report = Document.objects.create(
            kind="bestuursrapportage", year=NEXT_YEAR, sequence=sequence
        )
        record_forecast(
            report=report, indicator=indicator, year=NEXT_YEAR, value=value, user=team_member
        )
    return indicator


def jaarstukken_chapter(year: int) -> Chapter:
    """A jaarstukken chapter of ``year``: its columns are Behaald year-1, Beoogd and Behaald."""
    document = Document.objects.create(kind="jaarstukken", year=year)
    chapter = Chapter.objects.create(
        document=document, policy_area=PolicyArea.objects.get(code="2.1.4")
    )
    for order, indicator in enumerate(Indicator.objects.order_by("code")):
        ChapterIndicator.objects.create(chapter=chapter, indicator=indicator, order=order)
    return chapter


def test_the_indicator_page_shows_next_years_forecast_not_its_value(indicator, client_for, reader):
    page = client_for(reader).get(reverse("indicators:indicator-detail", args=[indicator.pk]))
    row = next(row for row in page.context["rows"] if row["year"] == NEXT_YEAR)
    assert row["future"] and row["realisation"] is None and row["realised"] is None
    assert row["met"] is None
    assert (row["forecast"].text, row["forecast"].label) == (
        "6",
        "verwacht (bestuursrapportage 2)",  # the page speaks Dutch
    )
    table = page.content.decode().split("<tbody")[1].split("</tbody>")[0]
    assert "(bestuursrapportage 2): 6" in table and "42" not in table


def test_a_chapter_table_shows_the_forecast_in_next_years_behaald_column(indicator):
    table = live_table(jaarstukken_chapter(NEXT_YEAR))
    row = next(row for row in table.rows if row.indicator == indicator.pk)
    (cell,) = [c for c in row.cells if c.is_realisation and c.year == NEXT_YEAR]
    assert (cell.text, cell.reason, cell.source) == (
        "6",
        FORECAST,
        "forecast (bestuursrapportage 2)",
    )
    assert cell.record is None and cell.number is None and row.met is None
    other = next(row for row in table.rows if row.indicator != indicator.pk)
    (dash,) = [c for c in other.cells if c.is_realisation and c.year == NEXT_YEAR]
    assert dash.reason == YEAR_TO_COME and dash.record is None


def test_the_chapter_page_labels_the_forecast(indicator, client_for, reader):
    chapter = jaarstukken_chapter(NEXT_YEAR)
    page = client_for(reader).get(reverse("planning:chapter-detail", args=[chapter.pk]))
    text = page.content.decode()
    assert "(bestuursrapportage 2)" in text and "42" not in text.split("<table")[1]


def test_the_dashboard_shows_this_years_forecast_beside_the_figure(client_for, team_member):
    begroting(year=THIS_YEAR)
    indicator = Indicator.objects.order_by("code").first()
    report = Document.objects.create(kind="bestuursrapportage", year=THIS_YEAR, sequence=1)
    record_forecast(
        report=report, indicator=indicator, year=THIS_YEAR, value="> 5", user=team_member
    )
    (row,) = year_status([indicator], year=THIS_YEAR)
    assert row["forecast"].text == "> 5"
    page = client_for(team_member).get(reverse("workspace:home"))
    assert "(verwacht (bestuursrapportage 1): &gt; 5)" in page.content.decode()


def test_next_year_has_no_figure_on_the_dashboard_rows(indicator):
    (row,) = year_status([indicator], year=NEXT_YEAR)
    assert row["realised"] == DASH and row["met"] is None and row["forecast"].text == "6"


def test_the_exports_label_the_forecast(indicator):
    from kennisstad.planning.exports import render

    text = render([jaarstukken_chapter(NEXT_YEAR)], "md").decode()
    assert "6, forecast (bestuursrapportage 2)" in text and "42" not in text
