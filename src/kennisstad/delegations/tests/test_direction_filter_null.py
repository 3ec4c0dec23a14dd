"""``?direction=null`` (django-filter's "none" choice, documented in the schema's enum) lists
no delegations instead of failing with a 500, in the API and on the page."""

import pytest

pytestmark = pytest.mark.django_db


def test_direction_null_lists_nothing(api_client_for, client_for, team_member):
    response = api_client_for(team_member).get("/api/v1/delegations/", {"direction": "null"})
    assert response.status_code == 200
    assert response.json()["count"] == 0
    assert client_for(team_member).get("/delegations/", {"direction": "null"}).status_code == 200
