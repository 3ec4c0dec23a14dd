"""gunicorn's own log and its access log, written like the app's: one JSON object per line with
``LOG_FORMAT=json`` (the production default), a plain line otherwise. Each access line carries
the request's id (the ``X-Request-ID`` the app answered with, ``core.request_id``), so one id
finds a request in the access log and in everything the app logged while serving it."""

import logging
import os

from gunicorn.glogging import Logger

from kennisstad.core.events import JsonFormatter
from kennisstad.core.log_secrets import without_secrets


def access_fields(resp, environ, request_time) -> dict:
    """What an access line says. The path only: a query string can hold what someone searched
    for (a name), and a feed's token is left out."""
    headers = {name.lower(): value for name, value in (resp.headers or ())}
    status = resp.status.split(None, 1)[0] if isinstance(resp.status, str) else resp.status
    return {
        "event": "http.request",
        "request_id": headers.get("x-request-id", ""),
        "remote_addr": environ.get("REMOTE_ADDR", ""),
        "method": environ.get("REQUEST_METHOD", ""),
        "path": without_secrets(environ.get("PATH_INFO", "")),
        "status": int(status) if str(status).isdigit() else status,
        "bytes": getattr(resp, "sent", None),
        "duration_ms": round(request_time.total_seconds() * 1000, 1),
        "user_agent": environ.get("HTTP_USER_AGENT", ""),
    }


class KennisstadLogger(Logger):
    def setup(self, cfg):
        super().setup(cfg)
        if os.environ.get("LOG_FORMAT", "json") != "json":
            return
        for log in (self.error_log, self.access_log):
            for handler in log.handlers:
                if getattr(handler, "_gunicorn", False):
                    handler.setFormatter(JsonFormatter())

    def access(self, resp, req, environ, request_time):
        if not self.access_log_enabled:
            return
        try:
            fields = access_fields(resp, environ, request_time)
            self.access_log.log(
                logging.INFO,
                "%s %s %s %s %sms %s",
                fields["remote_addr"],
                fields["method"],
                fields["path"],
                fields["status"],
                fields["duration_ms"],
                fields["request_id"],
                extra={"event_fields": fields},
            )
        except Exception:
            self.exception("Could not write the access log")
