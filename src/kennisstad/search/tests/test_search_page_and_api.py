"""The search box in the header leads to a results page; the API answers the same search."""

import re

import pytest

from kennisstad.projects.tests.factories import ProjectFactory
from kennisstad.relations.tests.factories import OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_every_registry_page_has_the_search_box(client_for, team_member, partner_editor):
    for user in (team_member, partner_editor):
        html = client_for(user).get("/dashboard/").content.decode()
        assert 'action="/search/"' in html
        assert 'role="search"' in html


def test_the_public_portal_has_no_search_box(client):
    assert 'action="/search/"' not in client.get("/").content.decode()


def test_the_results_page_groups_records_by_kind(client_for, team_member):
    organisation = OrganisationFactory(name="Universität Bremen", country="DE")
    person = PersonFactory(first_name="Lena", last_name="Universitas")
    ProjectFactory(title_nl="Iets anders")
    response = client_for(team_member).get("/search/", {"q": "universit"})
    html = response.content.decode()
    assert response.status_code == 200
    assert f'href="/relations/organisations/{organisation.pk}/"' in html
    assert f'href="/relations/people/{person.pk}/"' in html
    assert "Iets anders" not in html
    assert "2 resultaten" in html


def test_many_results_show_the_first_twenty_and_the_total(client_for, team_member):
    for n in range(25):
        OrganisationFactory(name=f"Stichting Noorderlicht {n:02d}")
    html = client_for(team_member).get("/search/", {"q": "noorderlicht"}).content.decode()
    assert len(re.findall(r'href="/relations/organisations/\d+/"', html)) == 20
    assert "De eerste 20 van 25" in html


def test_the_api_answers_with_records_per_kind(api_client_for, team_member):
    organisation = OrganisationFactory(name="Universität Bremen", country="DE")
    response = api_client_for(team_member).get("/api/v1/search/", {"q": "Universitat"})
    assert response.status_code == 200
    groups = {group["kind"]: group for group in response.json()["results"]}
    assert groups["organisation"]["total"] == 1
    item = groups["organisation"]["items"][0]
    assert item["id"] == organisation.pk
    assert item["url"].endswith(f"/api/v1/organisations/{organisation.pk}/")
    assert groups["person"]["total"] == 0


def test_an_empty_query_finds_nothing(api_client_for, team_member):
    OrganisationFactory(name="Iets")
    assert api_client_for(team_member).get("/api/v1/search/", {"q": "  "}).json()["results"] == []
