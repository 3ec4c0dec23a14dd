"""``null`` in a list filter was read as "is NULL" by every choice filter (a global setting),
which crashed the filters that cannot mean it (``country`` by substring, ``direction`` by
method). Now it is a value like any other that is not among the choices: a 400 in the API,
a form error on the page."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/projects/?country=null",
        "/api/v1/delegations/?direction=null",
        "/api/v1/activities/?kind=null",
        "/api/v1/organisations/?kind=null",
    ],
)
def test_the_api_answers_400(api_client_for, team_member, url):
    assert api_client_for(team_member).get(url).status_code == 400


@pytest.mark.parametrize(
    "url",
    ["/projects/?country=null", "/projects/overview/?country=null", "/delegations/?direction=null"],
)
def test_the_page_shows_the_error(client_for, team_member, url):
    page = client_for(team_member).get(url)
    assert page.status_code == 200
    assert page.context["filterset"].errors
    assert 'role="alert"' in page.content.decode()


def test_organisations_without_an_owner_can_still_be_listed(api_client_for, team_member):
    from kennisstad.relations.tests.factories import OrganisationFactory

    OrganisationFactory(name="Zonder eigenaar", relationship_owner=None)
    OrganisationFactory(name="Met eigenaar", relationship_owner=team_member)
    names = [
        row["name"]
        for row in api_client_for(team_member)
        .get("/api/v1/organisations/?relationship_owner=null")
        .json()["results"]
    ]
    assert names == ["Zonder eigenaar"]
