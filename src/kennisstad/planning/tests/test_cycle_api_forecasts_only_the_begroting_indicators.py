"""Through the API as on the page, a bestuursrapportage forecasts only an indicator in the
tables of its year's begroting: another is refused (400 naming the field) and nothing is
stored."""

import pytest

from kennisstad.indicators.models import Indicator
from kennisstad.planning.models import ChapterIndicator, Forecast
from kennisstad.planning.tests.cycle_setup import begroting
from kennisstad.policy.models import Document

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def test_a_forecast_for_an_indicator_outside_the_begroting_is_refused(api_client_for, team_member):
    begroting()
    report = Document.objects.create(kind="bestuursrapportage", year=2018, sequence=1)
    outside, inside = Indicator.objects.order_by("code")
    ChapterIndicator.objects.filter(indicator=outside).delete()
    client = api_client_for(team_member)

    def post(indicator):
        return client.post(
            f"/api/v1/documents/{report.pk}/forecasts/",
            {"indicator": indicator.code, "value": "6"},
            format="json",
            HTTP_IF_MATCH=f'"{report.version}"',
        )

    refused = post(outside)
    assert refused.status_code == 400 and "indicator" in refused.data
    assert not Forecast.objects.exists()
    assert post(inside).status_code == 200
    assert Forecast.objects.get().indicator == inside
