"""Every indicator has an owner who is reminded before each deadline: a team member or a partner
organisation, never both; form and API refuse both alike, and the pages show the owner."""

import pytest
from django.urls import reverse

from kennisstad.accounts.models import Role
from kennisstad.accounts.tests.factories import UserFactory
from kennisstad.indicators.models import Indicator
from kennisstad.indicators.tests.factories import IndicatorFactory, policy_field
from kennisstad.relations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def form_data(indicator: Indicator, **changes) -> dict:
    data = {
        "version": indicator.version or 1,
        "name_nl": indicator.name_nl,
        "name_en": indicator.name_en,
        "code": indicator.code,
        "policy_area": indicator.policy_area_id,
        "kind": "performance",
        "unit": "count",
        "decimals": 0,
        "frequency": "yearly",
        "method": "manual",
        "order": 0,
    }
    return {**data, **{key: value for key, value in changes.items() if value is not None}}


def test_the_form_sets_an_owner_and_refuses_two(client_for, team_member):
    indicator = IndicatorFactory(version=1)
    iwcn = OrganisationFactory(name="International Welcome Center North")
    url = reverse("indicators:indicator-update", args=[indicator.pk])
    client = client_for(team_member)
    both = form_data(indicator, owner=team_member.pk, owner_organisation=iwcn.pk)
    response = client.post(url, both)
    assert response.status_code == 200
    assert "owner_organisation" in response.context["form"].errors
    assert Indicator.objects.get(pk=indicator.pk).owner is None
    response = client.post(url, form_data(indicator, owner_organisation=iwcn.pk))
    assert response.status_code == 302
    assert Indicator.objects.get(pk=indicator.pk).owner_organisation == iwcn


def test_only_a_team_member_owns_as_a_person(client_for, team_member, reader):
    indicator = IndicatorFactory(version=1)
    url = reverse("indicators:indicator-update", args=[indicator.pk])
    response = client_for(team_member).post(url, form_data(indicator, owner=reader.pk))
    assert "owner" in response.context["form"].errors


def test_the_api_writes_the_owner_and_refuses_two(api_client_for, team_member):
    iwcn = OrganisationFactory(name="International Welcome Center North")
    body = {
        "code": "iwcn-bezoekers",
        "name_nl": "Bezoekers IWCN",
        "policy_area": policy_field().code,
        "owner": team_member.pk,
        "owner_organisation": iwcn.pk,
    }
    client = api_client_for(team_member)
    response = client.post("/api/v1/indicators/", body, format="json")
    assert response.status_code == 400 and "owner_organisation" in response.json()
    body["owner"] = None
    response = client.post("/api/v1/indicators/", body, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["owner_name"] == "International Welcome Center North"
    partner = UserFactory(username="p", role=Role.PARTNER_EDITOR, organisation=iwcn)
    indicator = Indicator.objects.get(code="iwcn-bezoekers")
    response = client.patch(
        f"/api/v1/indicators/{indicator.pk}/",
        {"owner": partner.pk, "owner_organisation": None, "version": indicator.version},
        format="json",
    )
    assert response.status_code == 400 and "owner" in response.json()


def test_list_and_detail_show_the_owner(client_for, reader):
    owner = UserFactory(username="owner", first_name="Sanne", last_name="Bakker")
    indicator = IndicatorFactory(owner=owner)
    client = client_for(reader)
    assert "Sanne Bakker" in client.get(reverse("indicators:indicator-list")).content.decode()
    detail = client.get(reverse("indicators:indicator-detail", args=[indicator.pk]))
    assert "Sanne Bakker" in detail.content.decode()
