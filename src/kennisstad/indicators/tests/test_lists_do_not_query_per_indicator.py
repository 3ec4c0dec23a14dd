"""The indicator list and the team's dashboard (its year table and its differing figures) read
their figures, targets and recounts for all indicators at once: adding indicators adds no
queries."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kennisstad.indicators.models import Origin
from kennisstad.indicators.tests.disagreeing import adopted_document, imported, recount
from kennisstad.indicators.tests.factories import (
    IndicatorFactory,
    RealisationFactory,
    TargetFactory,
)

pytestmark = pytest.mark.django_db


def add_indicator(documents) -> None:
    """An indicator with a differing official figure for 2016 and values and targets for last
    year and this year (the list shows last year, the dashboard this year)."""
    indicator = IndicatorFactory(name_nl="Aantal samenwerkingsprojecten")
    imported(indicator, documents[0], 2, datetime.date(2017, 9, 1))
    imported(indicator, documents[1], 8, datetime.date(2018, 3, 1))
    recount(indicator, 11)
    this_year = timezone.localdate().year
    for year in (this_year - 1, this_year):
        TargetFactory(indicator=indicator, year=year)
        TargetFactory(indicator=indicator, year=year + 1)
        RealisationFactory(
            indicator=indicator,
            year=year,
            value=Decimal(3),
            origin=Origin.COMPUTED,
            measured_on=datetime.date(year, 1, 2),
        )


def queries(client, url: str, marker: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    assert marker in response.content.decode()
    return len(captured)


@pytest.mark.parametrize(
    ("url_name", "marker"),
    [
        ("indicators:indicator-list", "Aantal samenwerkingsprojecten"),
        ("workspace:home", "differing-heading"),
    ],
)
def test_more_indicators_take_no_more_queries(client_for, team_member, url_name, marker):
    client = client_for(team_member)
    url = reverse(url_name)
    documents = [adopted_document("begroting", 2018), adopted_document("jaarstukken", 2017)]
    for _ in range(2):
        add_indicator(documents)
    client.get(url)  # the first request also fills caches (session, permissions)
    few = queries(client, url, marker)
    for _ in range(4):
        add_indicator(documents)
    assert queries(client, url, marker) == few
