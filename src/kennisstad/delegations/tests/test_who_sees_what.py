"""Delegations follow their visit's visibility; partners never see gifts or travel costs (nor
the registers), only the team sees members and needs, readers read."""

from decimal import Decimal

import pytest
from django.urls import reverse

from kennisstad.integrity.tests.factories import GiftReceivedFactory
from kennisstad.relations.tests.factories import PersonFactory

from .factories import DelegationFactory, TravelCostFactory, at, outgoing_visit

pytestmark = pytest.mark.django_db


@pytest.fixture
def mission():
    delegation = DelegationFactory(
        activity=outgoing_visit(at(2027, 3, 9), visibility="partners", title_nl="Missie Brussel"),
        dietary_requirements="Vegetarisch",
    )
    delegation.members.create(person=PersonFactory(last_name="Zhao"), function="Adjunct-directeur")
    delegation.programme.create(
        starts_at=at(2027, 3, 9, 10), title_nl="Ontvangst", responsible_person=PersonFactory()
    )
    GiftReceivedFactory(delegation=delegation, description_nl="Porseleinen vaas")
    TravelCostFactory(
        delegation=delegation, traveller="Karin Veenstra", transport=Decimal("238.40")
    )
    return delegation


@pytest.fixture
def internal():
    return DelegationFactory(activity__visibility="internal", activity__title_nl="Intern bezoek")


def test_partner_sees_the_delegation_but_not_gifts_costs_or_people(
    client_for, partner_editor, mission
):
    page = client_for(partner_editor).get(
        reverse("delegations:delegation-detail", args=[mission.pk])
    )
    assert page.status_code == 200
    text = page.content.decode()
    assert "Missie Brussel" in text
    for secret in ("Porseleinen vaas", "Karin Veenstra", "238,40", "Zhao", "Vegetarisch"):
        assert secret not in text, secret


def test_partner_api_has_no_gifts_or_travel_costs(api_client_for, partner_editor, mission):
    client = api_client_for(partner_editor)
    detail = client.get(f"/api/v1/delegations/{mission.pk}/")
    assert detail.status_code == 200
    data = detail.json()
    assert "gifts" not in data and "travel_costs" not in data
    assert "members" not in data and "dietary_requirements" not in data
    assert "Porseleinen vaas" not in detail.content.decode()
    assert data["programme"] and all(
        "responsible_person" not in item and "responsible_user" not in item
        for item in data["programme"]
    )
    listed = client.get("/api/v1/delegations/").json()["results"]
    assert [item["id"] for item in listed] == [mission.pk]
    assert all("gifts" not in item and "travel_costs" not in item for item in listed)


def test_partner_cannot_open_the_registers(client_for, partner_editor, mission):
    web = client_for(partner_editor)
    for name in ("integrity:register", "delegations:travel-register"):
        assert web.get(reverse(name), {"year": 2027}).status_code == 403
        assert web.get(reverse(name), {"year": 2027, "format": "csv"}).status_code == 403


def test_partner_does_not_see_delegations_of_internal_visits(
    client_for, api_client_for, partner_editor, mission, internal
):
    web = client_for(partner_editor)
    assert web.get(reverse("delegations:delegation-detail", args=[internal.pk])).status_code == 404
    assert "Intern bezoek" not in web.get(reverse("delegations:delegation-list")).content.decode()
    api = api_client_for(partner_editor)
    assert api.get(f"/api/v1/delegations/{internal.pk}/").status_code == 404


def test_partner_and_reader_change_nothing(client_for, api_client_for, users_by_role, mission):
    for role in ("partner", "reader"):
        user = users_by_role[role]
        web = client_for(user)
        assert web.get(reverse("delegations:delegation-create")).status_code == 403
        assert (
            web.get(reverse("delegations:delegation-update", args=[mission.pk])).status_code == 403
        )
        response = api_client_for(user).patch(
            f"/api/v1/delegations/{mission.pk}/", {"notes": "x"}, format="json", HTTP_IF_MATCH='"1"'
        )
        assert response.status_code == 403, role


def test_reader_sees_gifts_and_costs_but_not_the_people(client_for, reader, mission):
    text = (
        client_for(reader)
        .get(reverse("delegations:delegation-detail", args=[mission.pk]))
        .content.decode()
    )
    assert "Porseleinen vaas" in text and "238,40" in text
    assert "Zhao" not in text and "Vegetarisch" not in text
    register = client_for(reader).get(reverse("integrity:register"), {"period": "2027-q1"})
    assert register.status_code == 200 and "Porseleinen vaas" in register.content.decode()


def test_team_sees_everything(client_for, team_member, mission):
    text = (
        client_for(team_member)
        .get(reverse("delegations:delegation-detail", args=[mission.pk]))
        .content.decode()
    )
    for shown in ("Porseleinen vaas", "Karin Veenstra", "238,40", "Zhao", "Vegetarisch"):
        assert shown in text, shown


def test_anonymous_sees_nothing(client, api_client_for, mission):
    assert client.get(reverse("delegations:delegation-list")).status_code == 302
    assert api_client_for(None).get("/api/v1/delegations/").status_code in (401, 403)
