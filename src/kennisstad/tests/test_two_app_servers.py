"""Two app servers on one database and one Redis (``make test-production``) behave as one site:
a write through A is seen through B at once, in the public feed (body and ETag), its 304 and the
public pages; a write through A with a version read from B before a newer write is refused (412);
failed sign-ins through A and B count towards one lockout.

The servers are real: gunicorn with the production settings and ``conf/gunicorn.py`` (one worker
each), as ``make serve`` starts them, on the test database (committed data: a transactional test)
and the Redis of ``REDIS_URL`` under a key prefix of their own."""

from __future__ import annotations

import datetime
import html
import json
import os
import re
import secrets
import uuid
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlencode

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.utils import timezone
from rest_framework.authtoken.models import Token

from kennisstad.accounts.models import Role
from kennisstad.accounts.tests.factories import UserFactory

from .app_servers import SRC, AppServer, database_url

pytestmark = [pytest.mark.production, pytest.mark.django_db(transaction=True)]

FEED = "/agenda/public.ics"
KEEP = ("PATH", "HOME", "LANG", "TMPDIR", "VIRTUAL_ENV")
LOCKOUT_AFTER = 4


@pytest.fixture(scope="module")
def redis_url():
    url = os.environ.get("REDIS_URL", "")
    if not url:
        pytest.fail("The two-server test needs REDIS_URL (make test-production sets it).")
    return url


@pytest.fixture(scope="module")
def static_root(tmp_path_factory):
    """The hashed static files the production settings serve: collected here without the
    compressed copies (the same manifest; a few seconds instead of many)."""
    root = tmp_path_factory.mktemp("static")
    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    with override_settings(STATIC_ROOT=root, STORAGES=storages):
        call_command("collectstatic", interactive=False, verbosity=0)
    return root


@pytest.fixture(scope="module")
def servers(django_db_setup, tmp_path_factory, static_root, redis_url):
    """Started once for the module: each test commits its own records (transactional), which
    the servers read from the same test database."""
    folder = tmp_path_factory.mktemp("servers")
    prefix = f"ks-two-servers-{uuid.uuid4().hex[:8]}"
    env = {name: os.environ[name] for name in KEEP if name in os.environ}
    env.update(
        PYTHONPATH=os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH")])),
        DJANGO_SETTINGS_MODULE="kennisstad.conf.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        DATABASE_URL=database_url(connection.settings_dict),
        REDIS_URL=redis_url,
        CACHE_KEY_PREFIX=prefix,
        ALLOWED_HOSTS="127.0.0.1",
        SESSION_COOKIE_SECURE="false",
        CSRF_COOKIE_SECURE="false",
        STATIC_ROOT=str(static_root),
        KENNISSTAD_VAR_DIR=str(folder / "var"),
        AXES_FAILURE_LIMIT=str(LOCKOUT_AFTER),
        WEB_CONCURRENCY="1",
        LOG_FORMAT="json",
    )
    pair = [AppServer(name, env, folder / f"server-{name}.log") for name in ("A", "B")]
    try:
        for server in pair:
            server.start()
        with ThreadPoolExecutor(2) as pool:
            list(pool.map(lambda server: server.wait_until_ready(), pair))
        yield pair
    finally:
        for server in pair:
            server.stop()
        _forget_keys(redis_url, prefix)


def _forget_keys(url: str, prefix: str) -> None:
    import redis

    client = redis.Redis.from_url(url)
    keys = list(client.scan_iter(match=f"{prefix}:*", count=1000))
    if keys:
        client.delete(*keys)
    client.close()


@pytest.fixture
def token(transactional_db):
    user = UserFactory(username="api-writer", role=Role.TEAM_MEMBER)
    return {"Authorization": f"Token {Token.objects.create(user=user).key}"}


def _activity(title: str) -> dict:
    starts = timezone.now().replace(microsecond=0) + datetime.timedelta(days=10)
    return {
        "title_nl": title,
        "kind": "trade_fair",
        "visibility": "public",
        "starts_at": starts.isoformat(),
        "ends_at": (starts + datetime.timedelta(hours=3)).isoformat(),
        "country": "DE",
    }


def test_a_write_through_one_server_is_seen_through_the_other_at_once(servers, token):
    a, b = servers
    for server in servers:
        ready = server.get("/readyz").json()
        assert ready["checks"] == {"database": "ok", "redis": "ok"}, server.log()
    before = b.get(FEED)

    created = a.request("POST", "/api/v1/activities/", _activity("Beurs Tweeserver"), token)
    assert created.status == 201, created.body
    path = f"/api/v1/activities/{created.json()['id']}/"

    feed_b, feed_a = b.get(FEED), a.get(FEED)
    assert feed_b.status == feed_a.status == 200
    assert b"Beurs Tweeserver" in feed_b.body
    assert feed_b.headers["etag"] == feed_a.headers["etag"] != before.headers["etag"]
    assert feed_b.body == feed_a.body
    # A client that read the feed through A revalidates through B: nothing changed, 304.
    again = b.get(FEED, **{"If-None-Match": feed_a.headers["etag"]})
    assert again.status == 304
    assert again.body == b""
    for server in servers:
        assert b"Beurs Tweeserver" in server.get("/").body  # the portal's upcoming activities
        assert server.get(path).headers["etag"] == '"1"'


def test_a_stale_version_read_through_the_other_server_is_refused(servers, token):
    a, b = servers
    created = a.request("POST", "/api/v1/activities/", _activity("Beurs Versie"), token)
    path = f"/api/v1/activities/{created.json()['id']}/"
    read_from_b = b.get(path, **token).headers["etag"]
    assert read_from_b == '"1"'

    first = a.request(
        "PATCH", path, {"title_nl": "Beurs Versie Twee"}, {**token, "If-Match": read_from_b}
    )
    assert first.status == 200, first.body
    assert b.get(path, **token).headers["etag"] == '"2"'
    assert b"Beurs Versie Twee" in b.get(FEED).body

    stale = a.request(
        "PATCH", path, {"title_nl": "Beurs Versie Oud"}, {**token, "If-Match": read_from_b}
    )
    assert stale.status == 412, stale.body
    assert b"Beurs Versie Oud" not in a.get(FEED).body


def _failed_sign_in(server: AppServer, username: str, password: str) -> int:
    """Fill in the sign-in form as a browser would (every hidden field kept) and send it."""
    form = server.get("/accounts/login/")
    fields = {}
    for tag in re.findall(r"<input[^>]*>", form.body.decode()):
        name = re.search(r'name="([^"]+)"', tag)
        kind = re.search(r'type="([^"]+)"', tag)
        value = re.search(r'value="([^"]*)"', tag)
        if name is None:
            continue
        kind = kind.group(1) if kind else "text"
        if kind == "password":
            fields[name.group(1)] = password
        elif kind in ("text", "email"):
            fields[name.group(1)] = username
        elif kind == "hidden":
            fields[name.group(1)] = html.unescape(value.group(1)) if value else ""
    cookie = "; ".join(f"{name}={value}" for name, value in form.cookies.items())
    answer = server.request(
        "POST", "/accounts/login/", urlencode(fields), {"Cookie": cookie, "Referer": server.url}
    )
    return answer.status


def test_failed_sign_ins_through_both_servers_count_towards_one_lockout(servers):
    a, b = servers
    UserFactory(username="locked-out", role=Role.TEAM_MEMBER, password="right-Password-1")
    statuses = [
        _failed_sign_in(server, "locked-out", "wrong") for server in [a, b] * (LOCKOUT_AFTER // 2)
    ]
    assert statuses[:-1] == [200] * (LOCKOUT_AFTER - 1)  # the form again, with its error
    assert statuses[-1] == 429  # the fourth failure, two through each server, locks out
    # Locked out on both, even with the right password.
    assert _failed_sign_in(a, "locked-out", "right-Password-1") == 429
    assert _failed_sign_in(b, "locked-out", "right-Password-1") == 429


@pytest.mark.django_db  # writes nothing: no flush of the database afterwards
def test_one_request_id_in_the_response_and_the_access_log(servers):
    a, _ = servers
    answer = a.get("/healthz", **{"X-Request-ID": "two-servers-probe-1"})
    assert answer.headers["x-request-id"] == "two-servers-probe-1"
    lines = [json.loads(line) for line in a.log().splitlines() if line.startswith("{")]
    access = [line for line in lines if line.get("event") == "http.request"]
    assert {"request_id": "two-servers-probe-1", "path": "/healthz", "status": 200}.items() <= (
        next(line for line in access if line["request_id"] == "two-servers-probe-1").items()
    )
