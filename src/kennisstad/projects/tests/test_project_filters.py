"""Project filters: bad input is a clear 400, never a crash; year filters use the budget rule."""

import pytest

from kennisstad.projects.tests.factories import ProjectFactory
from kennisstad.relations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("year", ["0", "99999999999", "twee"])
def test_an_impossible_year_is_a_field_error(api_client_for, year):
    response = api_client_for(None).get("/api/v1/projects/", {"active_in": year})
    assert response.status_code == 400
    assert "active_in" in response.json()


def test_active_in_counts_projects_running_during_the_year(api_client_for):
    ProjectFactory(is_public=True, title_nl="Loopt door", start_date="2016-06-01", end_date=None)
    ProjectFactory(
        is_public=True, title_nl="Afgelopen", start_date="2014-01-01", end_date="2015-12-31"
    )
    ProjectFactory(is_public=True, title_nl="Idee", status="idea", start_date="2016-01-01")
    titles = [
        p["title_nl"]
        for p in api_client_for(None)
        .get("/api/v1/projects/", {"active_in": 2016})
        .json()["results"]
    ]
    assert titles == ["Loopt door"]


def test_deleting_an_organisation_still_in_use_is_a_409(api_client_for, team_member):
    organisation = OrganisationFactory()
    ProjectFactory(lead_organisation=organisation)
    response = api_client_for(team_member).delete(
        f"/api/v1/organisations/{organisation.pk}/", HTTP_IF_MATCH=f'"{organisation.version}"'
    )
    assert response.status_code == 409
    assert "Project" in response.json()["detail"]
