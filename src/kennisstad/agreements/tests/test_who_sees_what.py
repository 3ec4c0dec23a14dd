"""The municipality's side sees every agreement; partners and the public only the public ones
(through the API and the portal), and the agreement pages are the municipality's."""

import pytest
from django.urls import reverse

from .factories import AgreementFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def agreements():
    return AgreementFactory(title_nl="Openbaar", is_public=True), AgreementFactory(
        title_nl="Intern", is_public=False
    )


def _titles(response) -> set[str]:
    assert response.status_code == 200
    return {row["title_nl"] for row in response.json()["results"]}


def test_partner_and_public_see_only_public_agreements(
    agreements, api_client_for, partner_editor, client
):
    public, internal = agreements
    assert _titles(api_client_for(partner_editor).get("/api/v1/agreements/")) == {"Openbaar"}
    assert _titles(client.get("/api/v1/agreements/")) == {"Openbaar"}
    assert client.get(f"/api/v1/agreements/{internal.pk}/").status_code == 404
    data = client.get(f"/api/v1/agreements/{public.pk}/").json()
    assert "relationship_owner" not in data and "delegations" not in data


def test_the_municipality_sees_them_all(agreements, api_client_for, reader, client_for):
    assert _titles(api_client_for(reader).get("/api/v1/agreements/")) == {"Openbaar", "Intern"}
    page = client_for(reader).get(reverse("agreements:agreement-list")).content.decode()
    assert "Openbaar" in page and "Intern" in page
    assert reverse("agreements:agreement-create") not in page  # readers change nothing


def test_partners_cannot_open_the_agreement_pages(agreements, partner_editor, client_for):
    web = client_for(partner_editor)
    public, internal = agreements
    assert web.get(reverse("agreements:agreement-list")).status_code == 403
    for agreement in (public, internal):
        url = reverse("agreements:agreement-detail", args=[agreement.pk])
        assert web.get(url).status_code == 403


def test_only_the_team_writes(agreements, api_client_for, reader, partner_editor):
    public, _internal = agreements
    for user in (reader, partner_editor):
        response = api_client_for(user).patch(
            f"/api/v1/agreements/{public.pk}/", {"summary_nl": "x"}, format="json",
            HTTP_IF_MATCH='"1"',
        )  # fmt: skip
        assert response.status_code == 403
