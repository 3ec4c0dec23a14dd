"""The API writes a delegation with its nested lists in one versioned request: If-Match guards
it, stored rows are changed in place by id, and a bad row is named without saving anything."""

import pytest

from kennisstad.delegations.models import Delegation
from kennisstad.integrity.tests.factories import GiftReceivedFactory

from .factories import DelegationFactory, TravelCostFactory, VisitFactory, at, outgoing_visit

pytestmark = pytest.mark.django_db

COST = {
    "traveller": "Karin Veenstra",
    "traveller_function": "Wethouder",
    "destination_country": "BE",
    "transport": "238.40",
    "lodging": "189.00",
    "other": "42.50",
    "paid_by": "municipality",
}


def test_create_with_nested_lists(api_client_for, team_member):
    visit = outgoing_visit(at(2027, 3, 9), country="BE")
    response = api_client_for(team_member).post(
        "/api/v1/delegations/",
        {"activity": visit.pk, "purpose_nl": "Lobby", "travel_costs": [COST]},
        format="json",
    )
    assert response.status_code == 201, response.json()
    data = response.json()
    assert response["ETag"] == '"1"'
    assert data["direction"] == "outgoing"
    assert data["country"] == "BE"  # a mission's country defaults to the visit's
    assert data["travel_costs"][0]["total"] == "469.90"
    assert "gifts" not in data  # gifts are in the integrity registers' API


def test_stale_if_match_is_refused(api_client_for, team_member):
    delegation = DelegationFactory()
    client = api_client_for(team_member)
    url = f"/api/v1/delegations/{delegation.pk}/"
    assert client.patch(url, {"notes": "a"}, format="json", HTTP_IF_MATCH='"1"').status_code == 200
    stale = client.patch(url, {"notes": "b"}, format="json", HTTP_IF_MATCH='"1"')
    assert stale.status_code == 412
    assert client.patch(url, {"notes": "b"}, format="json").status_code == 428
    delegation.refresh_from_db()
    assert delegation.notes == "a"


def test_rows_with_an_id_change_in_place_and_missing_rows_go(api_client_for, team_member):
    delegation = DelegationFactory(activity=outgoing_visit(at(2027, 3, 9), country="BE"))
    kept = TravelCostFactory(delegation=delegation, traveller="Karin Veenstra")
    dropped = TravelCostFactory(delegation=delegation, traveller="Sanne Bakker")
    response = api_client_for(team_member).patch(
        f"/api/v1/delegations/{delegation.pk}/",
        {"travel_costs": [{"id": kept.pk, **COST, "other": "50.00"}, COST]},
        format="json",
        HTTP_IF_MATCH='"1"',
    )
    assert response.status_code == 200, response.json()
    costs = list(delegation.travel_costs.order_by("id"))
    assert [str(cost.other) for cost in costs] == ["50.00", "42.50"]
    assert costs[0].pk == kept.pk
    assert costs[0].history.count() == 2  # created, then changed: one audit trail
    assert not delegation.travel_costs.filter(pk=dropped.pk).exists()


def test_a_bad_row_is_named_and_nothing_is_saved(api_client_for, team_member):
    delegation = DelegationFactory()
    client = api_client_for(team_member)
    response = client.patch(
        f"/api/v1/delegations/{delegation.pk}/",
        {"notes": "gewijzigd", "travel_costs": [COST]},
        format="json",
        HTTP_IF_MATCH='"1"',
    )
    assert response.status_code == 400
    assert "travel_costs" in response.json()
    third_party = {**COST, "paid_by": "third_party"}
    delegation.activity.kind = "outgoing_visit"
    delegation.activity.save()
    response = client.patch(
        f"/api/v1/delegations/{delegation.pk}/",
        {"travel_costs": [COST, third_party]},
        format="json",
        HTTP_IF_MATCH='"1"',
    )
    assert response.status_code == 400
    assert "Rij 2" in str(response.json()["travel_costs"])
    delegation.refresh_from_db()
    assert delegation.version == 1 and delegation.notes == ""
    assert not delegation.travel_costs.exists()


def test_a_delegation_belongs_to_a_visit_and_one_per_visit(api_client_for, team_member):
    client = api_client_for(team_member)
    conference = VisitFactory(kind="conference")
    response = client.post(
        "/api/v1/delegations/", {"activity": conference.pk, "purpose_nl": "x"}, format="json"
    )
    assert response.status_code == 400
    delegation = DelegationFactory()
    response = client.post(
        "/api/v1/delegations/",
        {"activity": delegation.activity_id, "purpose_nl": "x"},
        format="json",
    )
    assert response.status_code == 400
    assert Delegation.objects.count() == 1


def test_delete_needs_the_version(api_client_for, team_member):
    delegation = DelegationFactory()
    gift = GiftReceivedFactory(delegation=delegation)
    client = api_client_for(team_member)
    url = f"/api/v1/delegations/{delegation.pk}/"
    assert client.delete(url, HTTP_IF_MATCH='"7"').status_code == 412
    assert client.delete(url, HTTP_IF_MATCH='"1"').status_code == 204
    assert not Delegation.objects.exists()
    gift.refresh_from_db()  # the register keeps the gift, without its visit
    assert gift.delegation_id is None
