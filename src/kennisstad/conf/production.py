"""Production: a real secret key is required, HTTPS cookies, hashed static files, JSON logs.

``make serve`` runs gunicorn with these settings (``conf/gunicorn.py``) behind a reverse proxy
that terminates TLS; docs/operations/deployment.md describes the whole deployment. To try it on
plain http on one's own machine: ``SECRET_KEY=… SESSION_COOKIE_SECURE=false
CSRF_COOKIE_SECURE=false make serve``."""

from .base import *  # noqa: F403
from .base import KENNISSTAD_TRUSTED_PROXY_COUNT, STORAGES
from .env import env_bool, env_int, env_str
from .logs import logging_settings

SECRET_KEY = env_str("SECRET_KEY", required=True)
DEBUG = False
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", True)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", True)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
# A load balancer asks over plain http inside the network: never redirect its health checks.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0)
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Behind a trusted reverse proxy that ends TLS, the proxy says whether the request came over
# HTTPS (so secure cookies and redirects work); without one, nobody may claim it.
if KENNISSTAD_TRUSTED_PROXY_COUNT > 0:
    SECURE_PROXY_SSL_HEADER = (
        env_str("KENNISSTAD_PROXY_SSL_HEADER", "HTTP_X_FORWARDED_PROTO"),
        "https",
    )
# One JSON object per line, each with the request's id, for the municipality's log collector.
LOG_FORMAT = env_str("LOG_FORMAT", "json")
LOGGING = logging_settings(LOG_FORMAT, env_str("LOG_LEVEL", "INFO"))
