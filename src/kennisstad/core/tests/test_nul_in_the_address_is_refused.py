"""A NUL character in a query string reached text lookups, which PostgreSQL refuses with a
ValueError in the driver (a 500). Every such address is a 400 before any view runs."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/agenda/public.ics?kind=%00",
        "/projecten/?country=a%00",
        "/api/v1/projects/?q=%00",
        "/search/?q=x%00y",
        "/?x%00=1",
    ],
)
def test_a_nul_is_a_400(client, team_member, url):
    client.force_login(team_member)
    assert client.get(url).status_code == 400


def test_an_ordinary_query_passes(client):
    assert client.get("/projecten/?country=NL").status_code == 200


def test_the_api_says_so_in_its_own_error_shape(client):
    response = client.get("/api/v1/projects/?q=%00")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert "NUL" in response.json()["detail"]
