"""A NUL character in a JSON body reached the database through related fields looked up by
slug or code (``category``, ``tags``, ``policy_area``): PostgreSQL refuses it with a DataError,
a 500. Any string with a NUL in a JSON or form body is a 400."""

import pytest

from kennisstad.core.parsers import holds_nul

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "body"),
    [
        ("/api/v1/organisations/", {"name": "Hanze", "kind": "knowledge", "tags": ["x\x00"]}),
        ("/api/v1/projects/", {"title_nl": "a", "title_en": "b", "category": "x\x00"}),
        ("/api/v1/indicators/", {"code": "a", "name_nl": "x", "policy_area": "2\x00"}),
        ("/api/v1/people/", {"first_name\x00": "a"}),
    ],
)
def test_a_nul_in_the_body_is_a_400(api_client_for, team_member, url, body):
    answer = api_client_for(team_member).post(url, body, format="json")
    assert answer.status_code == 400
    assert "NUL" in answer.json()["detail"]


@pytest.mark.parametrize("encoding", ["multipart", "form"])
def test_a_nul_in_form_data_is_a_400_too(api_client_for, team_member, encoding):
    body = {"title_nl": "a", "title_en": "b", "category": "x\x00"}
    client = api_client_for(team_member)
    if encoding == "form":
        from urllib.parse import urlencode

        answer = client.post(
            "/api/v1/projects/", urlencode(body), content_type="application/x-www-form-urlencoded"
        )
    else:
        answer = client.post("/api/v1/projects/", body, format="multipart")
    assert answer.status_code == 400 and "NUL" in answer.json()["detail"]


def test_nul_is_found_anywhere():
    assert holds_nul({"a": [{"b": "c\x00"}]})
    assert holds_nul({"a\x00": 1})
    assert not holds_nul({"a": ["b", 1, None, {"c": "d"}]})
