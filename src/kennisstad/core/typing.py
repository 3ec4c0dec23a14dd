"""Type aliases the services and selectors share (checked by ``make typecheck``)."""

from typing import TYPE_CHECKING, TypeAlias

if TYPE_CHECKING:
    # Only for the type checker: django.contrib.auth.models needs the app registry loaded.
    from django.contrib.auth.base_user import AbstractBaseUser
    from django.contrib.auth.models import AnonymousUser

# Who acts or reads: a signed-in user, an anonymous visitor, or nobody (a command, a feed sync).
# The kernel names no user model; an app that needs the project's own fields (role,
# organisation) narrows with ``accounts.access``.
UserLike: TypeAlias = "AbstractBaseUser | AnonymousUser | None"
