"""Search shows a record only to those ``accounts.access`` lets see it."""

import pytest

from kennisstad.agenda.tests.factories import ActivityFactory
from kennisstad.projects.tests.factories import ProjectFactory
from kennisstad.relations.tests.factories import OrganisationFactory, PersonFactory
from kennisstad.search.selectors import matching_ids

pytestmark = pytest.mark.django_db


@pytest.fixture
def zephyr(partner_organisation):
    """Records that all contain the word "zephyr", with different visibility."""
    other = OrganisationFactory(name="Zephyr Consultancy")
    partner_organisation.description_nl = "Partner in zephyr"
    partner_organisation.save()
    return {
        "own_organisation": partner_organisation.pk,
        "other_organisation": other.pk,
        "person": PersonFactory(first_name="Zephyr", last_name="Smit").pk,
        "public_project": ProjectFactory(title_nl="Zephyr openbaar", is_public=True).pk,
        "internal_project": ProjectFactory(title_nl="Zephyr intern").pk,
        "public_activity": ActivityFactory(title_nl="Zephyr dag", visibility="public").pk,
        "partner_activity": ActivityFactory(title_nl="Zephyr overleg", visibility="partners").pk,
        "internal_activity": ActivityFactory(title_nl="Zephyr team", visibility="internal").pk,
    }


def visible(user, ids):
    found = matching_ids(user=user, query="zephyr")
    kinds = {
        "own_organisation": "organisation",
        "other_organisation": "organisation",
        "person": "person",
        "public_project": "project",
        "internal_project": "project",
        "public_activity": "activity",
        "partner_activity": "activity",
        "internal_activity": "activity",
    }
    return {name for name, kind in kinds.items() if ids[name] in found[kind]}


def test_team_finds_everything(zephyr, team_member):
    assert visible(team_member, zephyr) == set(zephyr)


def test_reader_finds_everything_but_contact_persons(zephyr, reader):
    assert visible(reader, zephyr) == set(zephyr) - {"person"}


def test_partner_finds_its_own_organisation_and_what_is_shared_with_partners(
    zephyr, partner_editor
):
    assert visible(partner_editor, zephyr) == {
        "own_organisation",
        "public_project",
        "public_activity",
        "partner_activity",
    }


def test_the_results_page_and_the_api_need_a_login(client, api_client_for, zephyr):
    response = client.get("/search/?q=zephyr")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert api_client_for(None).get("/api/v1/search/?q=zephyr").status_code in (401, 403)
