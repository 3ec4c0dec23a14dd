"""``/healthz`` (alive) and ``/readyz`` (database and, when set, Redis answer) for a load balancer:
cheap JSON, no session or cookie, never redirected, whatever Host the probe sends; a backing
service that does not answer makes ``/readyz`` a 503 that names it."""

import pytest
from django.db import OperationalError, connections
from django.urls import reverse

from kennisstad.core import health

pytestmark = pytest.mark.django_db


def test_the_routes_have_their_short_addresses():
    assert (reverse("healthz"), reverse("readyz")) == ("/healthz", "/readyz")


def test_healthz_answers_without_touching_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies


def test_readyz_checks_the_database(client, settings):
    settings.REDIS_URL = ""
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok"}}


@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_probes_are_not_redirected_nor_refused_for_their_host(client, settings, path):
    settings.SECURE_SSL_REDIRECT = True
    settings.REDIS_URL = ""
    settings.ALLOWED_HOSTS = ["kennisstad.example.nl"]
    response = client.get(path, HTTP_HOST="10.0.0.7:8000")
    assert response.status_code == 200
    assert client.get("/", HTTP_HOST="10.0.0.7:8000").status_code == 400  # the rest still is


def test_a_database_that_does_not_answer_is_a_503_naming_it(client, settings, monkeypatch):
    settings.REDIS_URL = ""

    def refuse():
        raise OperationalError("connection refused")

    monkeypatch.setattr(connections["default"], "cursor", refuse)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json() == {
        "status": "unavailable",
        "checks": {"database": "unavailable: OperationalError"},
    }


def test_a_redis_that_does_not_answer_is_a_503_naming_it(client, settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    response = client.get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["checks"]["database"] == "ok"
    assert body["checks"]["redis"].startswith("unavailable: ")
    assert health._redis_client.cache_info().currsize >= 1  # one client per address, reused


@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_only_get_and_head(client, path):
    assert client.post(path).status_code == 405
    assert client.head(path).status_code in (200, 503)
