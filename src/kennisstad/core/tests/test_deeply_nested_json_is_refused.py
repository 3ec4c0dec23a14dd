"""A JSON body nested 50,000 levels deep exhausted Python's stack in the parser (a 500);
anything nested deeper than the API's records ever are is a 400 naming the limit."""

import pytest

from kennisstad.core.parsers import MAX_JSON_DEPTH, json_depth

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("depth", [50_000, MAX_JSON_DEPTH + 1])
def test_a_deep_body_is_a_400(api_client_for, team_member, depth):
    body = "[" * depth + "]" * depth
    answer = api_client_for(team_member).post(
        "/api/v1/organisations/", body, content_type="application/json"
    )
    assert answer.status_code == 400
    assert str(MAX_JSON_DEPTH) in answer.json()["detail"]


def test_an_ordinary_body_still_goes_through(api_client_for, team_member):
    answer = api_client_for(team_member).post(
        "/api/v1/organisations/",
        {"name": "Hanzehogeschool", "kind": "knowledge", "country": "NL", "tags": []},
        format="json",
    )
    assert answer.status_code == 201, answer.json()


def test_depth_counts_lists_and_objects():
    assert json_depth(1) == 0
    assert json_depth({"a": [1, {"b": []}]}) == 4
