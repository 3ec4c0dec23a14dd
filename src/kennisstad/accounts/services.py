"""Writes on accounts: the second factor (an authenticator app and recovery codes).

django-otp keeps the devices; these functions are the only place that creates, confirms or removes
them, so every change is one transaction and the rules (one authenticator per account, recovery
codes replaced as a whole) hold everywhere.
"""

from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import User

RECOVERY_CODE_COUNT = 10
AUTHENTICATOR_NAME = "authenticator"
RECOVERY_NAME = "recovery codes"


@transaction.atomic
def start_authenticator(*, user: User) -> TOTPDevice:
    """The unconfirmed authenticator being set up: the same one (and so the same secret) until
    it is confirmed, so reloading the set-up page after scanning the code changes nothing."""
    device = (
        TOTPDevice.objects.select_for_update()
        .filter(user=user, confirmed=False)
        .order_by("pk")
        .first()
    )
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, confirmed=False)
    return device


@transaction.atomic
def confirm_authenticator(*, device: TOTPDevice, code: str) -> list[str] | None:
    """Confirm the authenticator with a code it shows; returns fresh recovery codes (to be shown
    once), or None when the code is wrong. Other unconfirmed set-ups are dropped."""
    if not device.verify_token(code):
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=device.user, confirmed=False).delete()
    return replace_recovery_codes(user=device.user)


@transaction.atomic
def replace_recovery_codes(*, user: User) -> list[str]:
    """New recovery codes; the old ones stop working. Only the returned list holds them in
    readable form for the user (they are kept as django-otp static tokens)."""
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@transaction.atomic
def remove_second_factor(*, user: User) -> None:
    """Remove the authenticator and the recovery codes (after the user proved who they are)."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()


@transaction.atomic
def set_demo_authenticator(*, user: User, key_hex: str) -> TOTPDevice:
    """The demo administrator's authenticator, with the published demo secret: only for the
    demo scenario, whose passwords are published too."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(
            user=user, name=AUTHENTICATOR_NAME, key=key_hex, confirmed=True
        )
    return device
