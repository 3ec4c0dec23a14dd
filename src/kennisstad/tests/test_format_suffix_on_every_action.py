"""The router answers every API route also with a format suffix (``.json``); the extra actions
did not accept it, so ``/api/v1/people/1/personal-data.json`` was a 500 for everyone (a
partner should get 403). Every suffixed route in the URLconf answers below 500 for every role."""

import re

import pytest
from django.urls import get_resolver

from kennisstad.tests.test_url_access import walk

pytestmark = pytest.mark.django_db


def suffixed_api_paths() -> list[str]:
    paths = set()
    for _, route in walk(get_resolver().url_patterns):
        if not route.startswith("api/v1/") or "format" not in route:
            continue
        route = route.replace("^", "").replace("$", "")
        route = re.sub(r"\\\.\(\?P<format>[^)]*\)/?", ".json", route)
        route = re.sub(r"\(\?P<format>[^)]*\)", "json", route)
        route = re.sub(r"\(\?P<pk>[^)]*\)", "1", route)
        route = re.sub(r"\(\?P<file_format>[^)]*\)", "md", route)
        route = re.sub(r"\(\?P<\w+>[^)]*\)", "1", route)
        route = route.replace("\\", "").replace("?", "")
        route = route.replace("<drf_format_suffix:format>", ".json")
        paths.add("/" + route)
    return sorted(paths)


def test_the_walk_finds_the_suffixed_actions():
    paths = suffixed_api_paths()
    assert "/api/v1/people/1/personal-data.json" in paths
    assert "/api/v1/chapters/1/export/md.json" in paths


@pytest.mark.parametrize("role", ["anonymous", "partner", "reader", "team"])
def test_no_suffixed_route_is_a_server_error(users_by_role, api_client_for, role):
    from kennisstad.relations.tests.factories import PersonFactory

    PersonFactory()
    client = api_client_for(users_by_role[role])
    client.raise_request_exception = False
    errors = []
    for path in suffixed_api_paths():
        for method in ("get", "post"):
            status = getattr(client, method)(path).status_code
            if status >= 500:
                errors.append(f"{method.upper()} {path} -> {status}")
    assert not errors


def test_a_partner_is_refused_personal_data_with_a_suffix(api_client_for, partner_editor):
    from kennisstad.relations.tests.factories import PersonFactory

    person = PersonFactory()
    answer = api_client_for(partner_editor).get(f"/api/v1/people/{person.pk}/personal-data.json")
    assert answer.status_code == 403
