"""Every route with a record number in its path (taken from the URLconf), asked for a number
no key can hold, answers 404 (or a login redirect), never a 500 from the database driver."""

import re

import pytest
from django.urls import get_resolver

from kennisstad.tests.test_url_access import walk

pytestmark = pytest.mark.django_db

HUGE = "9" * 20  # more than a signed 64-bit key holds


def routes_with_numbers() -> list[str]:
    paths = set()
    for name, route in walk(get_resolver().url_patterns):
        if (name or "").startswith("admin:") or "format" in route:
            continue
        if "<int:" not in route and "(?P<pk>" not in route:
            continue
        path = re.sub(r"<int:\w+>|\(\?P<pk>[^)]*\)", HUGE, route)
        path = re.sub(r"\(\?P<\w+>[^)]*\)", "csv", path)
        path = re.sub(r"<(?:\w+:)?\w+>", "csv", path).replace("^", "").replace("$", "")
        paths.add("/" + path)
    return sorted(paths)


def test_the_walk_finds_them():
    assert f"/projects/{HUGE}/" in routes_with_numbers()
    assert f"/api/v1/projects/{HUGE}/" in routes_with_numbers()


@pytest.mark.parametrize("role", ["partner", "team", "administrator"])
def test_a_huge_number_is_never_a_server_error(users_by_role, client_for, role):
    web = client_for(users_by_role[role])
    web.raise_request_exception = False
    failing = []
    for path in routes_with_numbers():
        for method in ("get", "post"):
            status = getattr(web, method)(path).status_code
            if status >= 500:
                failing.append(f"{method.upper()} {path} -> {status}")
    assert not failing
