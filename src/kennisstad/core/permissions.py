"""The permission policy the kernel's views ask, installed by the app that knows the roles.

The kernel cannot import ``accounts`` (it sits below every app), yet its list, detail and edit
views must ask who may open, change or delete a record. ``accounts`` installs its ``access``
module here when Django starts; a kernel view calls ``policy().can_change(user, obj)``. One
policy for the whole site, so there is still exactly one place that decides (ADR 0002)."""

from __future__ import annotations

from typing import Any, Protocol

from django.core.exceptions import ImproperlyConfigured


class PermissionPolicy(Protocol):
    def can_use_registry(self, user: Any) -> bool: ...

    def can_create(self, user: Any, model_label: str) -> bool: ...

    def can_change(self, user: Any, obj: Any) -> bool: ...

    def can_delete(self, user: Any, obj: Any) -> bool: ...

    def can_see_history(self, user: Any) -> bool: ...


_installed: PermissionPolicy | None = None


def install(policy: PermissionPolicy) -> None:
    global _installed
    _installed = policy


def policy() -> PermissionPolicy:
    if _installed is None:
        raise ImproperlyConfigured("No permission policy installed: is kennisstad.accounts loaded?")
    return _installed


def may_use_registry(user: Any) -> bool:
    """The default ``may_open`` of a registry page."""
    return policy().can_use_registry(user)
