"""The API creates an agreement with its parties, themes and projects, and changes it under
If-Match: a stale version is refused (412), a missing one asked for (428), and a bad date named
on its field."""

import pytest

from kennisstad.agreements.models import Agreement
from kennisstad.projects.tests.factories import ProjectFactory

from .factories import PartnerCityFactory

pytestmark = pytest.mark.django_db


def test_create_read_and_change(api_client_for, team_member):
    bremen, oldenburg = PartnerCityFactory(), PartnerCityFactory()
    project = ProjectFactory()
    client = api_client_for(team_member)
    response = client.post(
        "/api/v1/agreements/",
        {
            "title_nl": "Trilaterale samenwerking",
            "kind": "trilateral",
            "signed_on": "2024-04-01",
            "term_years": 4,
            "parties": [
                {"organisation": bremen.pk, "role": "signatory", "signed_as": "Bürgermeister"},
                {"organisation": oldenburg.pk, "role": "signatory"},
            ],
            "themes": ["energie"],
            "projects": [project.pk],
            "is_public": True,
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    data = response.json()
    assert response["ETag"] == '"1"'
    assert data["expires_on"] == "2028-04-01"
    assert [party["signed_as"] for party in data["parties"]] == ["Bürgermeister", ""]
    assert data["relationship_owner"] == bremen.relationship_owner_id  # the first party's owner
    url = f"/api/v1/agreements/{data['id']}/"
    changed = client.patch(
        url, {"parties": [{"organisation": bremen.pk}]}, format="json", HTTP_IF_MATCH='"1"'
    )
    assert changed.status_code == 200, changed.json()
    assert [party["organisation"] for party in changed.json()["parties"]] == [bremen.pk]
    assert changed.json()["themes"] == ["energie"]  # left out: kept
    stale = client.patch(url, {"summary_nl": "b"}, format="json", HTTP_IF_MATCH='"1"')
    assert stale.status_code == 412
    assert client.patch(url, {"summary_nl": "c"}, format="json").status_code == 428
    agreement = Agreement.objects.get()
    assert agreement.version == 2
    assert agreement.history.filter(version=2).exists()  # the audit trail has the change


def test_errors_name_the_field(api_client_for, team_member):
    client = api_client_for(team_member)
    response = client.post(
        "/api/v1/agreements/",
        {
            "title_nl": "Stedenband",
            "kind": "city_link",
            "signed_on": "2024-04-01",
            "expires_on": "2023-01-01",
            "parties": [{"organisation": PartnerCityFactory().pk}],
        },
        format="json",
    )
    assert response.status_code == 400
    assert list(response.json()) == ["expires_on"]
    no_party = client.post(
        "/api/v1/agreements/", {"title_nl": "Zonder", "kind": "memorandum"}, format="json"
    )
    assert no_party.status_code == 400
    assert "parties" in no_party.json()


def test_a_date_outside_the_calendar_is_a_field_error(api_client_for, team_member):
    client = api_client_for(team_member)
    city = PartnerCityFactory()
    response = client.post(
        "/api/v1/agreements/",
        {
            "title_nl": "Verre toekomst",
            "kind": "memorandum",
            "signed_on": "9950-01-01",
            "term_years": 99,  # would end in the year 10049: past what a date can hold
            "parties": [{"organisation": city.pk}],
        },
        format="json",
    )
    assert response.status_code == 400
    assert "signed_on" in response.json()
    assert not Agreement.objects.exists()
