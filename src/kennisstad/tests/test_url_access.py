"""Every route needs a login unless it is on the explicit public allow-list.

The walk builds a concrete URL for every pattern (admin and API included) and requests it
anonymously; a new route that forgets its permission check makes this test fail.
"""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

# Route names (namespace:name) anyone may open without logging in.
PUBLIC_ROUTES = {
    "portal:home",
    "portal:accessibility",
    "portal:projects",  # the public portal shows public projects, activities and indicators
    "portal:project",  # a 404 unless the project is public
    "portal:calendar",
    "portal:indicators",
    "portal:integrity",  # the published integrity register: closed periods only
    "portal:integrity-download",  # its files, of published periods only (a 404 for others)
    "portal:partner-cities",  # partner cities of public agreements only
    # The newsletter's public pages: subscribing, and the signed links of its mails (a page
    # saying the link does not work without a valid signature).
    "newsletter:subscribe",
    "newsletter:subscribe-sent",
    "newsletter:confirm",
    "newsletter:unsubscribe",
    "newsletter:unsubscribe-one-click",
    "agenda:public-feed",
    "api:not-found",  # an address under /api/v1/ that names nothing: a JSON 404 for everyone
    "agenda:personal-feed",  # protected by its secret token instead (a 404 without a valid one)
    "registrations:register",  # the public form: a 404 unless the activity is public and open
    "registrations:manage",  # the registrant's signed link instead of a login (400/410 without)
    "registrations:cancel",
    "accounts:login",
    "accounts:logout",
    # Password reset by mail: for whoever forgot it (the answer never says whether an account
    # has the address; the link itself is the proof).
    "accounts:password-reset",
    "accounts:password-reset-done",
    "accounts:password-reset-confirm",
    "accounts:password-reset-complete",
    # Signing in with the identity provider: the way to a login (404 while OIDC is off).
    "accounts:oidc-sign-in",
    "accounts:oidc-callback",
    "set_language",
    "theme-css",  # the municipality's colours, a stylesheet every page (and the portal) links
    "healthz",  # load balancers' health checks: "ok" and which backing service answers, no data
    "readyz",
    "api:schema",
    "api:docs",
    "api:project-list",
    "api:project-detail",
    "api:activity-list",
    "api:activity-detail",
    "api:agreement-list",  # public agreements only, as the portal's partner cities show them
    "api:agreement-detail",
    "api:theme-list",
    "api:theme-detail",
    "api:taakveld-list",  # the national Iv3 list: reference data, public
    "api:taakveld-detail",
    "api:public-gift-list",  # the published gifts register (closed periods, above the threshold)
    "api:public-gift-detail",
    "api:public-trip-list",  # trips paid by third parties of closed periods
    "api:public-trip-detail",
    "admin:login",
    "admin:logout",
    "admin:jsi18n",
    "admin:view_on_site",
    "admin:password_reset",  # not routed by default; listed for clarity if it is added
}
PUBLIC_PATH_PREFIXES = ("/static/",)
SAMPLE_VALUES = {
    "int": "1",
    "str": "1",
    "slug": "x",
    "path": "1",
    "uuid": "00000000-0000-0000-0000-000000000000",
}


def walk(patterns, prefix="", namespace=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            new_namespace = namespace
            if entry.namespace:
                new_namespace = f"{namespace}{entry.namespace}:"
            yield from walk(entry.url_patterns, prefix + str(entry.pattern), new_namespace)
        elif isinstance(entry, URLPattern):
            name = f"{namespace}{entry.name}" if entry.name else None
            yield name, prefix + str(entry.pattern)


def sample_for_group(match: re.Match) -> str:
    """A value the route's own regex accepts, so the request reaches the view."""
    for candidate in ("1", "csv", "x", "abc"):
        if re.fullmatch(match[1], candidate):
            return candidate
    return "1"


def concrete_path(route: str) -> str | None:
    """A requestable path for a route; None for format-suffix duplicates (``.json``)."""
    if "(?P<format>" in route or "<drf_format_suffix" in route:
        return None
    route = route.replace("^", "").replace("$", "")
    route = re.sub(r"\(\?P<\w+>([^)]*)\)", sample_for_group, route)  # regex groups
    route = re.sub(r"\([^)]*\)", "1", route)  # unnamed regex groups
    route = re.sub(
        r"<(?:(\w+):)?\w+>", lambda m: SAMPLE_VALUES.get(m.group(1) or "str", "x"), route
    )
    route = route.replace("\\", "").replace("?", "")
    return "/" + route


def all_routes():
    routes = set()
    for name, route in walk(get_resolver().url_patterns):
        path = concrete_path(route)
        if path is not None:
            routes.add((name or "", path))
    return sorted(routes)


def needs_login(response) -> bool:
    if response.status_code in (401, 403):
        return True
    if response.status_code in (301, 302):
        location = response.headers.get("Location", "")
        return "login" in location
    return False


@pytest.mark.django_db
def test_every_route_outside_the_allow_list_needs_a_login(client):
    unprotected = []
    for name, path in all_routes():
        if name in PUBLIC_ROUTES or path.startswith(PUBLIC_PATH_PREFIXES):
            continue
        response = client.get(path)
        if not needs_login(response):
            unprotected.append(f"{name or '?'} {path} -> {response.status_code}")
    assert not unprotected, "Routes reachable without login:\n" + "\n".join(unprotected)


@pytest.mark.django_db
def test_routes_with_objects_ask_for_a_login_before_looking_the_object_up(client):
    """Object routes must not answer 404 to anonymous callers: the login check comes first."""
    leaking = []
    for name, path in all_routes():
        if name in PUBLIC_ROUTES or name.startswith("admin:") or "/1/" not in path:
            continue
        response = client.get(path)
        if not needs_login(response):
            leaking.append(f"{name} {path} -> {response.status_code}")
    assert not leaking, "Object routes not guarded by a login check:\n" + "\n".join(leaking)


def test_the_walk_sees_every_app():
    paths = [path for _, path in all_routes()]
    for prefix in ("/relations/", "/projects/", "/agenda/", "/api/v1/", "/dashboard/", "/admin/"):
        assert any(path.startswith(prefix) for path in paths), prefix


@pytest.mark.django_db
def test_public_routes_really_are_public(client):
    for path in (
        "/",
        "/toegankelijkheid/",
        "/accounts/login/",
        "/api/v1/projects/",
        "/api/v1/activities/",
    ):
        assert client.get(path).status_code == 200, path
