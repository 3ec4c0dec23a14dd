"""A busy database is a reason to try again, not a server error.

SQLite answers "database is locked" when a writer waited longer than the busy timeout;
PostgreSQL cancels a transaction that lost a serialization race, a deadlock or a lock timeout,
and refuses connections beyond its limit.
None of these says anything is wrong with the request, so pages and the API answer 503 with
``Retry-After`` and a short "try again" in the user's language instead of a 500.
"""

import sys

from django.conf import settings
from django.db import OperationalError
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.utils.translation import gettext as _
from django.views.defaults import server_error as default_server_error

SQLITE_BUSY_MESSAGES = (
    "database is locked",
    "database table is locked",
    "database schema is locked",
)
# serialization_failure, deadlock_detected, lock_not_available, too_many_connections
POSTGRESQL_BUSY_STATES = {"40001", "40P01", "55P03", "53300"}
# Refused connections carry no SQLSTATE, only the server's words.
POSTGRESQL_BUSY_MESSAGES = ("too many clients", "remaining connection slots are reserved")


def is_busy(exc: BaseException | None) -> bool:
    """Whether ``exc``, or the error it was raised while handling (a middleware failing after
    the database did), means the database was too busy, not that the request was wrong."""
    seen = 0
    while exc is not None and seen < 5:
        if _is_busy(exc):
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return False


def _is_busy(exc: BaseException) -> bool:
    if not isinstance(exc, OperationalError):
        return False
    cause = exc.__cause__
    state = getattr(cause, "sqlstate", None) or getattr(cause, "pgcode", None)
    if state in POSTGRESQL_BUSY_STATES:
        return True
    if state == "57014":  # query_canceled: only the lock timeout, not the statement timeout
        return "lock timeout" in str(exc)
    message = str(exc).lower()
    return message.startswith(SQLITE_BUSY_MESSAGES) or any(
        words in message for words in POSTGRESQL_BUSY_MESSAGES
    )


def retry_after() -> int:
    return settings.DATABASE_BUSY_RETRY_AFTER


def busy_message() -> str:
    return _(
        "The database is busy with other changes (for example a large import). Nothing was "
        "saved. Please try again in a few seconds."
    )


def busy_response(request) -> HttpResponse:
    """503 with Retry-After: JSON for the API, a page for people."""
    if request.path.startswith("/api/") or "json" in request.headers.get("Accept", ""):
        response = JsonResponse({"detail": busy_message()}, status=503)
    else:
        try:
            body = loader.render_to_string("503.html", {"message": busy_message()}, request)
        except Exception:  # the page needs nothing from the database, but never fail here
            body = busy_message()
        response = HttpResponse(body, status=503)
    response["Retry-After"] = str(retry_after())
    response["Cache-Control"] = "no-store"
    return response


def server_error(request, template_name="500.html"):
    """``handler500``: a busy database gets 503 (wherever it was raised: a view, the session
    or the login in a middleware); every other error the usual 500 page."""
    if is_busy(sys.exc_info()[1]):
        return busy_response(request)
    return default_server_error(request, template_name=template_name)
