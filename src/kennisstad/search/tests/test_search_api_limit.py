"""The search API's ``limit`` is a whole number from 1 to 100, as its schema says; anything
else is refused naming the parameter (it was silently replaced by 20)."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("limit", ["abc", "1.5", "0", "101"])
def test_a_limit_outside_its_schema_is_refused(api_client_for, team_member, limit):
    response = api_client_for(team_member).get("/api/v1/search/", {"q": "x", "limit": limit})
    assert response.status_code == 400
    assert "limit" in response.json()


def test_a_limit_in_range_is_used(api_client_for, team_member):
    response = api_client_for(team_member).get("/api/v1/search/", {"q": "x", "limit": "5"})
    assert response.status_code == 200
