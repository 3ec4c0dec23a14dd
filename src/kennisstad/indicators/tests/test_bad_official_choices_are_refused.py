"""Bad input to the official/withdraw form and API is refused clearly (a message or a 400),
never with a server error and never by choosing anything: another indicator's value, a value
of another year, a reason too long, a year of thousands of digits (also as the page's drill
year in its address)."""

import pytest
from django.urls import reverse

from kennisstad.indicators.models import AuthoritativeValue, Origin
from kennisstad.indicators.tests.disagreeing import disagreeing_2016
from kennisstad.indicators.tests.factories import (
    ComputedIndicatorFactory,
    IndicatorFactory,
    RealisationFactory,
)

pytestmark = pytest.mark.django_db

HUGE_YEAR = "9" * 5000


def api_url(indicator, action="official/"):
    return f"/api/v1/indicators/{indicator.pk}/{action}"


def test_the_form_refuses_what_is_not_one_of_the_years_values(client_for, team_member):
    indicator, _in_begroting, in_jaarverslag = disagreeing_2016()
    elsewhere = RealisationFactory(indicator=IndicatorFactory(), year=2016)
    client = client_for(team_member)
    url = reverse("indicators:official-choose", args=[indicator.pk])
    for body in (
        {"year": 2016, "record": f"realisation:{elsewhere.pk}", "reason": "Omdat"},
        {"year": 2017, "record": f"realisation:{in_jaarverslag.pk}", "reason": "Omdat"},
        {"year": 2016, "record": f"realisation:{in_jaarverslag.pk}", "reason": "x" * 5000},
        {"year": HUGE_YEAR, "record": f"realisation:{in_jaarverslag.pk}", "reason": "Omdat"},
        {"year": "-2016", "record": "realisation:abc", "reason": "Omdat"},
    ):
        response = client.post(url, body)
        assert response.status_code in (200, 302), body["year"]
    withdraw = reverse("indicators:official-withdraw", args=[indicator.pk])
    for year in (HUGE_YEAR, "2016x", "2016"):
        assert client.post(withdraw, {"year": year, "kind": "realisation"}).status_code == 302
    assert not AuthoritativeValue.objects.exists()


def test_the_api_answers_bad_choices_with_400(api_client_for, team_member):
    indicator, _in_begroting, in_jaarverslag = disagreeing_2016()
    elsewhere = RealisationFactory(indicator=IndicatorFactory(), year=2016)
    client = api_client_for(team_member)
    good = {"year": 2016, "kind": "realisation", "record": in_jaarverslag.pk, "reason": "Omdat"}
    for change, field in (
        ({"record": elsewhere.pk}, "record"),
        ({"year": 2017}, "record"),
        ({"reason": "x" * 5000}, "reason"),
        ({"year": HUGE_YEAR}, "year"),
        ({"record": HUGE_YEAR}, "record"),
        ({"kind": "target"}, "record"),
    ):
        response = client.post(api_url(indicator), {**good, **change}, format="json")
        assert response.status_code == 400, change
        assert field in response.json(), change
    for body in ({"year": 2016, "kind": "realisation"}, {"year": HUGE_YEAR, "kind": "target"}):
        response = client.post(api_url(indicator, "official/withdraw/"), body, format="json")
        assert response.status_code == 400, body
    assert not AuthoritativeValue.objects.exists()


def test_a_huge_drill_year_in_the_address_shows_the_newest_count(client_for, reader):
    indicator = ComputedIndicatorFactory()
    RealisationFactory(indicator=indicator, year=2017, origin=Origin.COMPUTED)
    url = reverse("indicators:indicator-detail", args=[indicator.pk])
    response = client_for(reader).get(url, {"year": HUGE_YEAR})
    assert response.status_code == 200
    assert response.context["drill_year"] == 2017
