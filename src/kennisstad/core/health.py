"""Health checks for a load balancer, an orchestrator or a monitor: ``/healthz`` says the process
answers (nothing else is touched, so a database outage never gets a healthy server restarted),
``/readyz`` says it can serve: the database answers and, when ``REDIS_URL`` is set, Redis does.

Both are answered by ``HealthCheckMiddleware`` near the top of the chain: before the host check
(a probe asks by address), the https redirect, sessions, sign-in and the lockout, so they are cheap
and never redirected. The URL routes name the same views for ``reverse`` and for a server without
this middleware."""

from __future__ import annotations

import functools
import logging

from django.conf import settings
from django.db import connections
from django.http import HttpResponseNotAllowed, JsonResponse
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger(__name__)


def _answer(body: dict, status: int = 200) -> JsonResponse:
    response = JsonResponse(body, status=status)
    add_never_cache_headers(response)
    return response


def healthz(request):
    """Alive: the process answers requests."""
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    return _answer({"status": "ok"})


def readyz(request):
    """Ready: every backing service answers; 503 naming the ones that do not."""
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    checks = {"database": _database()}
    if settings.REDIS_URL:
        checks["redis"] = _redis(settings.REDIS_URL)
    ready = all(result == "ok" for result in checks.values())
    return _answer(
        {"status": "ok" if ready else "unavailable", "checks": checks}, 200 if ready else 503
    )


def _database() -> str:
    connection = connections["default"]
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:
        # Drop the broken connection so the next request opens a fresh one.
        connection.close_if_unusable_or_obsolete()
        logger.warning("readyz: the database does not answer (%s)", type(exc).__name__)
        return f"unavailable: {type(exc).__name__}"
    return "ok"


def _redis(url: str) -> str:
    try:
        _redis_client(url).ping()
    except Exception as exc:
        logger.warning("readyz: Redis does not answer (%s)", type(exc).__name__)
        return f"unavailable: {type(exc).__name__}"
    return "ok"


@functools.lru_cache(maxsize=4)
def _redis_client(url: str):
    """One client (and its connection pool) per address from the settings, reused by every
    check; short timeouts, so a Redis that hangs makes the check fail, not hang."""
    import redis

    return redis.Redis.from_url(url, socket_connect_timeout=2, socket_timeout=2)


ROUTES = {"/healthz": healthz, "/readyz": readyz}


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        view = ROUTES.get(request.path_info)
        return view(request) if view is not None else self.get_response(request)
