"""An indicator's ``decimals`` had no upper bound: 105960404 was stored and every page that
formats the indicator failed. It is 0..4 (the decimal places of a stored value) in the model,
the form and the API, and stored indicators beyond it are brought back within it."""

import importlib

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.urls import reverse

from kennisstad.indicators.models import MAX_DECIMALS, Indicator
from kennisstad.indicators.tests.factories import IndicatorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def indicator():
    return IndicatorFactory()


def test_the_model_refuses_too_many_decimals(indicator):
    indicator.decimals = 105960404
    with pytest.raises(ValidationError) as error:
        indicator.full_clean()
    assert "decimals" in error.value.message_dict


def test_the_api_answers_400_naming_the_field(indicator, api_client_for, team_member):
    answer = api_client_for(team_member).patch(
        f"/api/v1/indicators/{indicator.pk}/",
        {"decimals": 105960404},
        format="json",
        headers={"If-Match": f'"{indicator.version}"'},
    )
    assert answer.status_code == 400 and "decimals" in answer.json()
    indicator.refresh_from_db()
    assert indicator.decimals <= MAX_DECIMALS


def test_the_form_shows_the_error(indicator, client_for, team_member):
    page = client_for(team_member).get(reverse("indicators:indicator-update", args=[indicator.pk]))
    data = {
        name: value
        for name, value in page.context["form"].initial.items()
        if value is not None and not isinstance(value, list)
    }
    data.update(decimals="105960404", version=indicator.version)
    answer = client_for(team_member).post(
        reverse("indicators:indicator-update", args=[indicator.pk]), data
    )
    assert answer.status_code == 200 and "decimals" in answer.context["form"].errors


def test_stored_values_beyond_the_bound_are_clamped(indicator):
    Indicator.objects.filter(pk=indicator.pk).update(decimals=32000)  # smallint on PostgreSQL
    migration = importlib.import_module("kennisstad.indicators.migrations.0004_decimals_bounded")
    migration.clamp_stored_decimals(apps, None)
    indicator.refresh_from_db()
    assert indicator.decimals == MAX_DECIMALS
    assert indicator.pk and client_can_open(indicator)


def client_can_open(indicator) -> bool:
    from django.test import Client

    from kennisstad.accounts.tests.factories import UserFactory

    web = Client()
    web.force_login(UserFactory(username="clamp-check", role="team"))
    return web.get(reverse("indicators:indicator-detail", args=[indicator.pk])).status_code == 200
