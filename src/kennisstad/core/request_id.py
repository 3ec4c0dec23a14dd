"""A request id on every log line of a request, so an operator can find everything one request
did across the app's log, the access log and the reverse proxy's log.

The id comes from the reverse proxy (nginx ``$request_id`` in ``X-Request-ID``) when it is a sane
token, else it is made here; it goes back in the response's ``X-Request-ID`` header. It is kept in
a context variable for the duration of the request and ``RequestIdFilter`` copies it onto each log
record, whichever logger wrote it."""

from __future__ import annotations

import contextvars
import logging
import re
import uuid

from django.core.signals import request_finished

HEADER = "X-Request-ID"
# Letters, digits and . _ - only, at most 128: a client's header is written into log lines and
# a response header, so no spaces, quotes, control characters or megabytes.
SANE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}")

_current: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="")


def current() -> str:
    """The id of the request being served, or "" outside a request (a command, a task)."""
    return _current.get()


def chosen(offered: str | None) -> str:
    """The client's (or proxy's) id when it is a sane token, else a new one."""
    if offered and SANE.fullmatch(offered):
        return offered
    return uuid.uuid4().hex


class RequestIdMiddleware:
    """First in the chain, so every later middleware's and view's log lines carry the id.

    The id stays set until the response is closed (``request_finished``), not only while the
    chain runs: Django logs a 4xx or 5xx (``django.request``) after the last middleware has
    returned, and a streamed response is written after that too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = chosen(request.META.get("HTTP_X_REQUEST_ID"))
        request.request_id = request_id
        _current.set(request_id)
        response = self.get_response(request)
        response[HEADER] = request_id
        return response


def _forget(**kwargs) -> None:
    _current.set("")


request_finished.connect(_forget, dispatch_uid="kennisstad.core.request_id")


class RequestIdFilter(logging.Filter):
    """Puts ``request_id`` on every record (``-`` outside a request, for the text format)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not getattr(record, "request_id", None):
            request = getattr(record, "request", None)  # django.request's records carry it
            record.request_id = getattr(request, "request_id", "") or current() or "-"
        return True
