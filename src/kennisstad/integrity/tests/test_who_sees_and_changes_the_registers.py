"""The registers are the municipality's side: the team writes, readers read, partners and
anonymous visitors get nothing but the published register on the portal and the public API."""

import pytest
from django.urls import reverse

from .factories import GiftGivenFactory, GiftReceivedFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def gift():
    GiftGivenFactory()
    return GiftReceivedFactory(description_nl="Porseleinen vaas")


def test_partner_opens_nothing(client_for, api_client_for, partner_editor, gift):
    web = client_for(partner_editor)
    for url in (
        reverse("integrity:register"),
        reverse("integrity:gift-received-list"),
        reverse("integrity:gift-received-detail", args=[gift.pk]),
        reverse("integrity:gift-given-list"),
        reverse("integrity:gift-received-create"),
    ):
        assert web.get(url).status_code == 403, url
    api = api_client_for(partner_editor)
    for url in ("/api/v1/gifts-received/", "/api/v1/gifts-given/", "/api/v1/office-holders/"):
        assert api.get(url).status_code == 403, url


def test_reader_reads_and_changes_nothing(client_for, api_client_for, reader, gift):
    web = client_for(reader)
    assert "Porseleinen vaas" in web.get(reverse("integrity:gift-received-list")).content.decode()
    assert web.get(reverse("integrity:gift-received-create")).status_code == 403
    assert web.get(reverse("integrity:gift-received-update", args=[gift.pk])).status_code == 403
    api = api_client_for(reader)
    assert api.get("/api/v1/gifts-received/").json()["results"][0]["id"] == gift.pk
    response = api.patch(
        f"/api/v1/gifts-received/{gift.pk}/", {"occasion": "x"}, format="json", HTTP_IF_MATCH='"1"'
    )
    assert response.status_code == 403
    gift.refresh_from_db()
    assert gift.occasion != "x"


def test_team_writes_through_the_api_with_the_version(api_client_for, team_member, gift):
    api = api_client_for(team_member)
    url = f"/api/v1/gifts-received/{gift.pk}/"
    assert api.patch(url, {"occasion": "a"}, format="json", HTTP_IF_MATCH='"1"').status_code == 200
    assert api.patch(url, {"occasion": "b"}, format="json", HTTP_IF_MATCH='"1"').status_code == 412
    gift.refresh_from_db()
    assert (gift.occasion, gift.version) == ("a", 2)
    created = api.post(
        "/api/v1/third-party-trips/",
        {
            "office_holder": gift.recipient_id,
            "kind": "invitation",
            "paid_by": "Hanzehogeschool",
            "destination": "Groningen",
            "starts_on": "2025-05-01",
            "ends_on": "2025-05-01",
            "purpose": "Diner",
            "estimated_value": "85.00",
        },
        format="json",
    )
    assert created.status_code == 201, created.json()


def test_anonymous_gets_a_login(client, gift):
    response = client.get(reverse("integrity:gift-received-list"))
    assert response.status_code == 302 and "login" in response["Location"]
    assert client.get("/api/v1/gifts-received/").status_code in (401, 403)
