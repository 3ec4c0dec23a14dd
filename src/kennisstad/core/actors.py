"""Who did it: the signed-in user, or nobody (a command, a scheduled feed sync, an anonymous
request). Every audit-trail and log entry names its actor the same way."""

from __future__ import annotations

from typing import Any


def actor_of(user: Any) -> Any | None:
    """The user when signed in, else ``None`` (what the audit trail stores as "nobody")."""
    return user if getattr(user, "is_authenticated", False) else None


def actor_label(user: Any) -> str:
    """A stable, short name for logs: ``user:<pk>`` or ``system`` (never an email address)."""
    actor = actor_of(user)
    return f"user:{actor.pk}" if actor is not None else "system"
