"""Reads over the accounts: who is on the team."""

from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet

from .models import Role, User

if TYPE_CHECKING:
    from django_otp.plugins.otp_static.models import StaticDevice
    from django_otp.plugins.otp_totp.models import TOTPDevice


def team_members() -> QuerySet[User]:
    """Active team members and administrators, by name: relationship owners, hosts, owners."""
    return User.objects.filter(
        is_active=True, role__in=[Role.TEAM_MEMBER, Role.ADMINISTRATOR]
    ).order_by("first_name", "last_name", "username")


def confirmed_totp_device(user: Any) -> "TOTPDevice | None":
    """The user's authenticator app (TOTP device), once its first code confirmed it; else None.
    Unconfirmed devices are set-ups that were started and never finished: they never count."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    if user is None or not user.is_authenticated:
        return None
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def has_second_factor(user: Any) -> bool:
    from django_otp.plugins.otp_totp.models import TOTPDevice

    return bool(TOTPDevice.objects.filter(user=user, confirmed=True).exists())


def recovery_device(user: Any) -> "StaticDevice | None":
    """The user's recovery codes (a django-otp static device), or None."""
    from django_otp.plugins.otp_static.models import StaticDevice

    return StaticDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def recovery_codes_left(user: Any) -> int:
    from django_otp.plugins.otp_static.models import StaticToken

    return int(StaticToken.objects.filter(device__user=user, device__confirmed=True).count())
