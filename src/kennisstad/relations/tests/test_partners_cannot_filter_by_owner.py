"""Who looks after an organisation is the municipality's business: a partner cannot learn it
through the list filter either (a 400 for a wrong user and a 200 for a right one told it)."""

import pytest

from kennisstad.relations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_the_owner_filter_is_not_there_for_a_partner(
    api_client_for, partner_editor, team_member, partner_organisation
):
    OrganisationFactory(name="Beheerd", relationship_owner=team_member)
    partner = api_client_for(partner_editor)
    everything = partner.get("/api/v1/organisations/").json()["count"]
    for value in (team_member.pk, 999_999, "abc"):
        response = partner.get("/api/v1/organisations/", {"relationship_owner": value})
        assert response.status_code == 200
        assert response.json()["count"] == everything


def test_the_team_still_filters_by_owner(api_client_for, team_member):
    OrganisationFactory(name="Beheerd", relationship_owner=team_member)
    OrganisationFactory(name="Niet beheerd")
    response = api_client_for(team_member).get(
        "/api/v1/organisations/", {"relationship_owner": team_member.pk}
    )
    assert [item["name"] for item in response.json()["results"]] == ["Beheerd"]
