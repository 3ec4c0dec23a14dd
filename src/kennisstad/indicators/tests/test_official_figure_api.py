"""The API marks one of a year's values as the official one, with a reason, and withdraws that
choice; readers may not, a choice without a reason or of another year's value is refused."""

import pytest

from kennisstad.indicators import selectors
from kennisstad.indicators.models import AuthoritativeValue
from kennisstad.indicators.tests.disagreeing import disagreeing_2016

pytestmark = pytest.mark.django_db


def url(indicator, tail="official/"):
    return f"/api/v1/indicators/{indicator.pk}/{tail}"


def test_the_team_marks_and_withdraws_the_official_value(api_client_for, team_member):
    indicator, _in_begroting, in_jaarverslag = disagreeing_2016()
    client = api_client_for(team_member)
    body = {
        "year": 2016,
        "kind": "realisation",
        "record": in_jaarverslag.pk,
        "reason": "Het jaarverslag telt de afgeronde projecten",
    }
    response = client.post(url(indicator), body, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["realisation"] == in_jaarverslag.pk
    figure = selectors.official_realisations([indicator.pk], [2016])[(indicator.pk, 2016)]
    assert (figure.realisation, figure.basis) == (in_jaarverslag, "chosen")
    withdrawn = client.post(
        url(indicator, "official/withdraw/"), {"year": 2016, "kind": "realisation"}, format="json"
    )
    assert withdrawn.status_code == 204
    assert not AuthoritativeValue.objects.exists()


def test_a_choice_without_reason_or_of_another_year_is_refused(api_client_for, team_member):
    indicator, _in_begroting, in_jaarverslag = disagreeing_2016()
    client = api_client_for(team_member)
    body = {"year": 2016, "kind": "realisation", "record": in_jaarverslag.pk, "reason": " "}
    assert "reason" in client.post(url(indicator), body, format="json").json()
    body.update(year=2017, reason="Omdat")
    assert "record" in client.post(url(indicator), body, format="json").json()
    assert not AuthoritativeValue.objects.exists()


def test_readers_may_not_choose(api_client_for, reader):
    indicator, _in_begroting, in_jaarverslag = disagreeing_2016()
    body = {"year": 2016, "kind": "realisation", "record": in_jaarverslag.pk, "reason": "Omdat"}
    assert api_client_for(reader).post(url(indicator), body, format="json").status_code == 403
