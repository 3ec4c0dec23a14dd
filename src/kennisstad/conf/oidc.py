"""Reading the OpenID Connect settings from the environment (conf/base.py, "OpenID Connect
sign-in"). Pure functions without Django models, so the settings module can call them and a
wrong value stops the server at start-up instead of refusing staff one by one at sign-in."""

import json
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

# accounts.models.Role's values, most powerful first: a person in several mapped groups gets the
# first of these (a test keeps the two lists equal).
ROLE_PRECEDENCE = ("administrator", "team", "partner", "reader")


def _json_object(name: str, raw: str) -> dict:
    try:
        value = json.loads(raw or "{}")
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} is not valid JSON: {exc}") from exc
    if not isinstance(value, dict):
        raise ImproperlyConfigured(f"{name} must be a JSON object from group to value.")
    return value


def parse_group_roles(name: str, raw: str) -> dict[str, str]:
    """``{"group": "role"}``; every role one of ``ROLE_PRECEDENCE``."""
    mapping = _json_object(name, raw)
    for group, role in mapping.items():
        if role not in ROLE_PRECEDENCE:
            raise ImproperlyConfigured(
                f"{name}: group {group!r} maps to {role!r}; a role is one of "
                f"{', '.join(ROLE_PRECEDENCE)}."
            )
    return mapping


def parse_group_organisations(name: str, raw: str) -> dict[str, int | str]:
    """``{"group": 12}`` (an organisation's number) or ``{"group": "Exact name"}``. A number
    survives a rename, a name is easier to read; both are accepted, nothing else."""
    mapping = _json_object(name, raw)
    for group, organisation in mapping.items():
        valid_number = isinstance(organisation, int) and not isinstance(organisation, bool)
        valid_name = isinstance(organisation, str) and organisation.strip()
        if not (valid_number or valid_name):
            raise ImproperlyConfigured(
                f"{name}: group {group!r} must map to an organisation's number or exact name."
            )
    return mapping


def check_issuer(name: str, issuer: str) -> str:
    """The issuer exactly as the provider writes it in its tokens (no trailing slash is added or
    removed: Entra ID's ends in "/v2.0", Keycloak's in "/realms/<realm>"). HTTPS, except on the
    loopback interface (the tests' provider)."""
    if not issuer:
        return ""
    parts = urlsplit(issuer)
    loopback = parts.hostname in ("127.0.0.1", "localhost", "::1")
    if parts.scheme != "https" and not (parts.scheme == "http" and loopback):
        raise ImproperlyConfigured(f"{name} must be an https:// address, got {issuer!r}.")
    if parts.query or parts.fragment:
        raise ImproperlyConfigured(f"{name} may not have a query or fragment.")
    return issuer


# The algorithms an ID token may be signed with: the provider's key pair (RS*, PS*, ES*), or the
# client secret (HS*). Never "none"; a typo stops the start instead of refusing every sign-in.
SIGN_ALGORITHMS = (
    *(f"{family}{bits}" for family in ("RS", "PS", "ES", "HS") for bits in (256, 384, 512)),
)


def check_sign_algo(name: str, algorithm: str) -> str:
    if algorithm not in SIGN_ALGORITHMS:
        raise ImproperlyConfigured(
            f"{name} must be one of {', '.join(SIGN_ALGORITHMS)}, got {algorithm!r}."
        )
    return algorithm
