"""On a 320 px screen the indicator tables scroll sideways in the project's wrapper (a focusable
region named by its heading) rather than widening the page: the list, the indicator page's
year table, sources and recorded values, and the dashboard."""

import re

import pytest
from django.urls import reverse

from kennisstad.indicators.tests.disagreeing import disagreeing_2016, recount

pytestmark = pytest.mark.django_db

WRAPPED = re.compile(r'<div class="ks-table-scroll" role="region" tabindex="0"[^>]*>\s*<table')


def assert_every_table_scrolls(html: str) -> None:
    tables = len(re.findall(r"<table\b", html))
    assert tables > 0
    assert len(WRAPPED.findall(html)) == tables


def test_every_indicator_table_sits_in_the_scrolling_wrapper(client_for, team_member):
    indicator, *_values = disagreeing_2016()
    recount(indicator, 11)
    client = client_for(team_member)
    for url in (
        reverse("indicators:indicator-list"),
        reverse("indicators:indicator-detail", args=[indicator.pk]),
        reverse("workspace:home"),
    ):
        response = client.get(url)
        assert response.status_code == 200
        assert_every_table_scrolls(response.content.decode())
