"""A dash where there is no value: before the measured-from year, in the off-year of an
indicator measured every two years, and where nothing was measured."""

import datetime

import pytest

from kennisstad.indicators.models import Frequency, Indicator, Origin, Realisation
from kennisstad.planning.models import Chapter, ChapterIndicator
from kennisstad.planning.selectors import live_table
from kennisstad.policy.tests.factories import DocumentFactory, seed_policy_field

pytestmark = pytest.mark.django_db


@pytest.fixture
def chapter():
    document = DocumentFactory(kind="begroting", year=2018)
    return Chapter.objects.create(document=document, policy_area=seed_policy_field())


def add(chapter, **fields) -> Indicator:
    indicator = Indicator.objects.create(policy_area=chapter.policy_area, **fields)
    ChapterIndicator.objects.create(chapter=chapter, indicator=indicator)
    for year in (2015, 2016):
        Realisation.objects.create(
            indicator=indicator,
            year=year,
            value=7,
            origin=Origin.MANUAL,
            measured_on=datetime.date(year + 1, 1, 15),
        )
    return indicator


def texts(chapter) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in live_table(chapter).rows]


def test_dash_before_the_measured_from_year(chapter):
    add(chapter, code="a", name_nl="A", measured_from=2016)
    assert texts(chapter) == [["-", "7", "-", "-"]]


def test_dash_in_the_off_year_of_a_biennial_indicator(chapter):
    add(chapter, code="b", name_nl="B", frequency=Frequency.BIENNIAL, base_year=2014)
    assert texts(chapter) == [["-", "7", "-", "-"]]  # measured 2014, 2016, 2018, ...


def test_dash_where_nothing_was_measured(chapter):
    indicator = Indicator.objects.create(policy_area=chapter.policy_area, code="c", name_nl="C")
    ChapterIndicator.objects.create(chapter=chapter, indicator=indicator)
    assert texts(chapter) == [["-", "-", "-", "-"]]
