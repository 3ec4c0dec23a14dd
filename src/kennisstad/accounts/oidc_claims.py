"""From an identity provider's claims to who someone is in Kennisstad: username, names, role and
the organisation references of a partner editor. Pure functions (no database), so every rule of
the mapping is tested fast; services.sign_in_with_oidc writes the result."""

import hashlib
from dataclasses import dataclass
from typing import Any

from kennisstad.conf.oidc import ROLE_PRECEDENCE

from .models import Role


class SignInRefused(Exception):
    """Sign-in with the identity provider is refused; ``reason`` is a short code for the log
    and the message (``no_role``, ``audience``, ``expired``, ...). Nothing has been written."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason


@dataclass(frozen=True)
class Identity:
    """What a sign-in makes of the claims; ``organisations`` are the numbers or names the
    groups map to (the service finds the organisation)."""

    username: str
    email: str
    first_name: str
    last_name: str
    role: str
    organisations: tuple[int | str, ...]
    groups: int


# The usernames of accounts the identity provider made (and only it signs in).
USERNAME_PREFIX = "oidc-"


def is_identity_provider_username(username: str) -> bool:
    return username.startswith(USERNAME_PREFIX)


def username_for(issuer: str, subject: str) -> str:
    """A stable username from the provider and its ``sub`` claim, which never changes for a
    person (an e-mail address or display name may, and may pass to someone else). Hashed so it
    fits Django's username rules whatever the provider's ``sub`` looks like."""
    digest = hashlib.sha256(f"{issuer}\x00{subject}".encode()).hexdigest()
    return f"{USERNAME_PREFIX}{digest[:40]}"


def claim_value(claims: dict[str, Any], name: str) -> Any:
    """A claim by name; a dotted name reaches into an object (Keycloak's
    ``realm_access.roles``) when no claim has the dotted name itself."""
    if name in claims:
        return claims[name]
    value: Any = claims
    for part in name.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def groups_of(claims: dict[str, Any], claim: str) -> list[str]:
    """The groups claim as a list of strings: a list, or one string for one group (ADFS).
    Entra ID leaves the groups out when someone is in too many ("overage") and names a Graph
    request instead; that is refused rather than read as "no groups"."""
    claim_names = claims.get("_claim_names")
    if isinstance(claim_names, dict) and claim in claim_names:
        raise SignInRefused("groups_overage")
    value = claim_value(claims, claim)
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple):
        # Not bool (an int to Python): true in a list is no group called "True".
        return [
            str(item)
            for item in value
            if isinstance(item, str | int) and not isinstance(item, bool)
        ]
    raise SignInRefused("claims", f"{claim} is neither a list nor a string")


def role_for(groups: list[str], group_roles: dict[str, str]) -> str | None:
    """The most powerful role any of the groups maps to (administrator, team, partner, reader),
    or None."""
    roles = {group_roles[group] for group in groups if group in group_roles}
    return next((role for role in ROLE_PRECEDENCE if role in roles), None)


def organisations_for(
    groups: list[str], group_organisations: dict[str, int | str]
) -> tuple[int | str, ...]:
    """The organisation references the groups map to, in the order of the groups, once each."""
    found: list[int | str] = []
    for group in groups:
        reference = group_organisations.get(group)
        if reference is not None and reference not in found:
            found.append(reference)
    return tuple(found)


def _text(claims: dict[str, Any], name: str, limit: int) -> str:
    value = claims.get(name)
    return value.strip()[:limit] if isinstance(value, str) else ""


def identity_from(
    claims: dict[str, Any],
    *,
    issuer: str,
    groups_claim: str,
    group_roles: dict[str, str],
    group_organisations: dict[str, int | str],
) -> Identity:
    """Who the claims describe; ``SignInRefused("no_role")`` when no group maps to a role, and
    ``"no_organisation"`` for a partner editor whose groups name no organisation."""
    subject = claims.get("sub")
    if not isinstance(subject, str) or not subject:
        raise SignInRefused("claims", "no sub")
    groups = groups_of(claims, groups_claim)
    role = role_for(groups, group_roles)
    if role is None:
        raise SignInRefused("no_role")
    organisations = organisations_for(groups, group_organisations)
    if role == Role.PARTNER_EDITOR and not organisations:
        raise SignInRefused("no_organisation")
    first_name = _text(claims, "given_name", 150)
    last_name = _text(claims, "family_name", 150)
    if not (first_name or last_name):
        last_name = _text(claims, "name", 150)
    return Identity(
        username=username_for(issuer, subject),
        email=_text(claims, "email", 254),
        first_name=first_name,
        last_name=last_name,
        role=role,
        organisations=organisations,
        groups=len(groups),
    )
