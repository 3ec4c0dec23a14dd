"""What a deadline still waits for (``indicators.missing``): per kind of document the figures
it needs, never a computed indicator, never a year the document prints a dash by rule, only the
indicators the document shows (or, before it exists, those of the fields the previous one had)."""

import datetime

import pytest

from kennisstad.indicators.missing import missing_values
from kennisstad.indicators.models import Frequency, Realisation
from kennisstad.indicators.tests.deadline_setup import chapter_with, complete
from kennisstad.indicators.tests.factories import (
    ComputedIndicatorFactory,
    IndicatorFactory,
    TargetFactory,
)
from kennisstad.planning.models import Forecast
from kennisstad.policy.models import Document, DocumentKind
from kennisstad.policy.tests.factories import DeadlineFactory, PolicyAreaFactory

pytestmark = pytest.mark.django_db


def missing(deadline) -> dict[str, str]:
    return {row.indicator.name_nl: row.labels for row in missing_values(deadline)}


def test_begroting_needs_its_target_and_the_latest_achieved_year_it_prints():
    indicator = IndicatorFactory(name_nl="Bezoekers")
    chapter_with(indicator, ComputedIndicatorFactory(name_nl="Geteld"))
    deadline = DeadlineFactory(document_kind=DocumentKind.BEGROTING, year=2019)
    assert list(missing(deadline)) == ["Bezoekers"]  # the computed one never
    [row] = missing_values(deadline)
    assert [(f.kind, f.year) for f in row.figures] == [("realisation", 2017), ("target", 2019)]
    complete(indicator)
    assert missing(deadline) == {}


def test_jaarstukken_need_the_year_achieved_but_not_before_measuring_or_in_an_off_year():
    yearly = IndicatorFactory(name_nl="Jaarlijks")
    later = IndicatorFactory(name_nl="Later", measured_from=2019)
    biennial = IndicatorFactory(
        name_nl="Tweejaarlijks", frequency=Frequency.BIENNIAL, base_year=2017
    )
    chapter_with(yearly, later, biennial, kind=DocumentKind.JAARSTUKKEN, year=2018)
    deadline = DeadlineFactory(document_kind=DocumentKind.JAARSTUKKEN, year=2018)
    [row] = missing_values(deadline)
    assert row.indicator == yearly
    assert [(f.kind, f.year) for f in row.figures] == [("realisation", 2018)]
    Realisation.objects.create(
        indicator=yearly, year=2018, value=None, measured_on=datetime.date(2019, 1, 31)
    )
    assert missing(deadline) == {"Jaarlijks": "behaald 2018"}  # an empty value is no figure


def test_bestuursrapportage_needs_a_forecast_of_that_report_or_a_later_one():
    indicator = IndicatorFactory(name_nl="Bezoekers")
    chapter_with(indicator, year=2018)  # it reports on begroting 2018
    second = DeadlineFactory(document_kind=DocumentKind.BESTUURSRAPPORTAGE, year=2018, sequence=2)
    first = DeadlineFactory(document_kind=DocumentKind.BESTUURSRAPPORTAGE, year=2018, sequence=1)
    assert missing(second) == {"Bezoekers": "prognose 2018"}
    report = Document.objects.create(kind=DocumentKind.BESTUURSRAPPORTAGE, year=2018, sequence=1)
    Forecast.objects.create(report=report, indicator=indicator, year=2018, display_text="6")
    assert missing(first) == {}
    assert missing(second) == {"Bezoekers": "prognose 2018"}  # report 1's is not report 2's


def test_only_the_indicators_the_document_shows():
    shown = IndicatorFactory(name_nl="Getoond")
    IndicatorFactory(name_nl="Elders")  # same field, not in begroting 2019's table
    chapter_with(shown)
    assert list(missing(DeadlineFactory(year=2019))) == ["Getoond"]


def test_before_the_document_exists_every_indicator_of_the_previous_ones_fields():
    shown = IndicatorFactory(name_nl="Getoond")
    IndicatorFactory(name_nl="Nieuw")  # added to the field after begroting 2018
    elsewhere = IndicatorFactory(name_nl="Ander veld", policy_area=PolicyAreaFactory(code="7"))
    chapter_with(shown, year=2018)  # begroting 2018; begroting 2019 is not written yet
    TargetFactory(indicator=elsewhere, year=2019)
    deadline = DeadlineFactory(year=2019)
    assert sorted(missing(deadline)) == ["Getoond", "Nieuw"]
