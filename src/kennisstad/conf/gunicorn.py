"""gunicorn's configuration for ``make serve`` (``gunicorn -c python:kennisstad.conf.gunicorn
kennisstad.wsgi``), from the environment like the Django settings:

- ``BIND`` (127.0.0.1:8000; several addresses separated by commas), ``WEB_CONCURRENCY`` worker
  processes (2), ``GUNICORN_THREADS`` threads per worker (1);
- ``FORWARDED_ALLOW_IPS``: the reverse proxies whose X-Forwarded-Proto (https) is believed
  (127.0.0.1,::1: a proxy on the same machine);
- ``GUNICORN_TIMEOUT`` for a stuck request, ``GUNICORN_GRACEFUL_TIMEOUT`` for the requests under
  way when a worker is told to stop (a deploy), ``GUNICORN_MAX_REQUESTS`` after which a worker is
  replaced (with jitter, so the workers do not restart all at once);
- ``LOG_FORMAT`` json (the production default) writes the access log and gunicorn's own log as
  one JSON object per line, like the app's (``gunicorn_logging``)."""

import os
from pathlib import Path


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    return int(value) if value.strip() else default


bind = [part.strip() for part in os.environ.get("BIND", "127.0.0.1:8000").split(",") if part]
workers = _int("WEB_CONCURRENCY", 2)
threads = _int("GUNICORN_THREADS", 1)
timeout = _int("GUNICORN_TIMEOUT", 30)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = _int("GUNICORN_KEEPALIVE", 5)  # behind a proxy that keeps connections open
max_requests = _int("GUNICORN_MAX_REQUESTS", 50_000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", max(1, max_requests // 10))
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# The workers' heartbeat files in memory: a container's disk can stall them into timeouts.
if Path("/dev/shm").is_dir():
    worker_tmp_dir = "/dev/shm"
# gunicorn's control socket is one path per user by default ($HOME/.gunicorn/gunicorn.ctl), so a
# second server on the machine would take it over; only where asked for.
if os.environ.get("GUNICORN_CONTROL_SOCKET"):
    control_socket = os.environ["GUNICORN_CONTROL_SOCKET"]
else:
    control_socket_disable = True

loglevel = os.environ.get("LOG_LEVEL", "info").lower()
errorlog = "-"
accesslog = (
    "-" if os.environ.get("ACCESS_LOG", "true").lower() not in ("0", "false", "no") else None
)
logger_class = "kennisstad.conf.gunicorn_logging.KennisstadLogger"
