"""Partners and the public read public agreements through the API with their partner cities and
regions only: the companies, universities and witnesses the registry keeps to the municipality
stay out, and a page of agreements costs the same few queries however long it is."""

import pytest

from kennisstad.agreements.models import AgreementParty, PartyRole
from kennisstad.relations.models import OrganisationKind
from kennisstad.relations.tests.factories import OrganisationFactory

from .factories import AgreementFactory, PartnerCityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def agreement():
    city = PartnerCityFactory(name="Freie Hansestadt Bremen")
    agreement = AgreementFactory(is_public=True, parties=[city])
    company = OrganisationFactory(name="Energiebedrijf Noord", kind=OrganisationKind.COMPANY)
    AgreementParty.objects.create(agreement=agreement, organisation=company, role=PartyRole.WITNESS)
    return agreement


def test_the_public_sees_only_the_partner_city(agreement, client):
    data = client.get(f"/api/v1/agreements/{agreement.pk}/").json()
    assert [party["organisation_name"] for party in data["parties"]] == ["Freie Hansestadt Bremen"]


def test_the_team_sees_every_party(agreement, api_client_for, team_member):
    data = api_client_for(team_member).get(f"/api/v1/agreements/{agreement.pk}/").json()
    assert {party["organisation_name"] for party in data["parties"]} == {
        "Freie Hansestadt Bremen",
        "Energiebedrijf Noord",
    }


def test_a_longer_list_costs_no_more_queries(client, django_assert_max_num_queries):
    for _ in range(3):
        AgreementFactory(is_public=True)
    with django_assert_max_num_queries(12) as few:
        client.get("/api/v1/agreements/")
    for _ in range(12):
        AgreementFactory(is_public=True)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get("/api/v1/agreements/")
    assert response.json()["count"] == 15
