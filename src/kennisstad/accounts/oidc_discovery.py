"""The identity provider's endpoints and signing keys, read from its discovery document
(``<issuer>/.well-known/openid-configuration``) and its JWKS once per process and kept for
``OIDC_DISCOVERY_TTL`` seconds, so a sign-in costs no extra round trips and a provider that moves
an endpoint or rotates its keys is followed without a restart. An endpoint set explicitly in the
settings wins over the document."""

import threading
import time
from typing import Any

import requests
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

# Setting name -> key of the discovery document.
ENDPOINTS = {
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "authorization_endpoint",
    "OIDC_OP_TOKEN_ENDPOINT": "token_endpoint",
    "OIDC_OP_USER_ENDPOINT": "userinfo_endpoint",
    "OIDC_OP_JWKS_ENDPOINT": "jwks_uri",
    "OIDC_OP_END_SESSION_ENDPOINT": "end_session_endpoint",
}

# After a failed fetch, the seconds during which the next sign-in does not try again: with the
# provider down or slow, every click on "Log in with ..." would otherwise hold a server worker
# for OIDC_TIMEOUT seconds, and a few requests a second take the whole site (and its local
# login) down with it.
RETRY_AFTER = 30

_lock = threading.Lock()
_documents: dict[str, tuple[float, dict[str, Any]]] = {}
_failures: dict[str, tuple[float, Exception]] = {}


def _fetch_json(url: str) -> dict[str, Any]:
    response = requests.get(url, timeout=settings.OIDC_TIMEOUT)
    response.raise_for_status()
    document = response.json()
    if not isinstance(document, dict):
        raise ValueError(f"{url} did not answer a JSON object")
    return document


def _cached(url: str, *, refresh: bool = False) -> dict[str, Any]:
    """The JSON at ``url``, from this process's memory while younger than the TTL. A failed
    fetch is remembered for ``RETRY_AFTER`` seconds (the same error, at once); meanwhile an
    older copy, if any, still serves (the provider's keys and endpoints rarely change)."""
    now = time.monotonic()
    with _lock:
        entry = _documents.get(url)
        if entry is not None and not refresh and now - entry[0] < settings.OIDC_DISCOVERY_TTL:
            return entry[1]
        failure = _failures.get(url)
        if failure is not None and now - failure[0] < RETRY_AFTER:
            if entry is not None:
                return entry[1]
            raise failure[1]
    try:
        document = _fetch_json(url)
    except (requests.RequestException, ValueError) as error:
        with _lock:
            _failures[url] = (now, error)
        if entry is not None:
            return entry[1]
        raise
    with _lock:
        _documents[url] = (now, document)
        _failures.pop(url, None)
    return document


def discovery_document() -> dict[str, Any]:
    """The provider's discovery document; its ``issuer`` must be the configured one exactly
    (OpenID Connect Discovery 1.0, section 4.3), or an attacker's document could name its own."""
    issuer = settings.OIDC_ISSUER
    document = _cached(issuer.rstrip("/") + "/.well-known/openid-configuration")
    if document.get("issuer") != issuer:
        raise ImproperlyConfigured(
            f"The discovery document names issuer {document.get('issuer')!r}, not OIDC_ISSUER "
            f"{issuer!r}: set OIDC_ISSUER to the provider's issuer exactly."
        )
    return document


def endpoint(setting: str) -> str:
    """An endpoint: the explicit setting, else the discovery document's (empty when the
    provider has none, e.g. no end_session_endpoint)."""
    explicit = getattr(settings, setting, "")
    if explicit:
        return explicit
    return str(discovery_document().get(ENDPOINTS[setting]) or "")


def signing_keys(*, refresh: bool = False) -> list[dict[str, Any]]:
    """The provider's public keys (JWKS); ``refresh`` fetches them again, for a token signed
    with a key we do not know yet (the provider rotated its keys)."""
    keys = _cached(endpoint("OIDC_OP_JWKS_ENDPOINT"), refresh=refresh).get("keys")
    return keys if isinstance(keys, list) else []


def forget() -> None:
    """Drop everything fetched (tests; a changed configuration)."""
    with _lock:
        _documents.clear()
        _failures.clear()
