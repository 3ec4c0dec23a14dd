"""The registrant's personal link to change or cancel: signed, dead once the registration is
cancelled (the nonce inside it is replaced then), and expired ``REGISTRATION_LINK_GRACE_DAYS``
after the activity ended (however long ago it was mailed)."""

import datetime

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from .models import Registration, RegistrationStatus, activity_end

SALT = "kennisstad.registrations.manage"


class LinkInvalid(Exception):
    """The link was changed, has expired, or its registration is cancelled or gone."""

    def __init__(self, reason: str) -> None:
        self.reason = reason  # "tampered", "expired" or "used"
        super().__init__(reason)


def manage_token(registration: Registration) -> str:
    return signing.dumps({"r": registration.pk, "n": registration.nonce}, salt=SALT, compress=True)


def manage_url(registration: Registration) -> str:
    path = reverse("registrations:manage", args=[manage_token(registration)])
    return settings.SITE_URL.rstrip("/") + path


def registration_for_token(token: str) -> Registration:
    """The active registration the link belongs to; raises ``LinkInvalid`` otherwise."""
    try:
        data = signing.loads(token, salt=SALT)
    except signing.BadSignature as exc:
        raise LinkInvalid("tampered") from exc
    if not isinstance(data, dict):
        raise LinkInvalid("tampered")
    registration = (
        Registration.objects.select_related("activity", "activity__registration_settings")
        .filter(pk=data.get("r"), nonce=data.get("n"))
        .exclude(status=RegistrationStatus.CANCELLED)
        .first()
    )
    if registration is None:
        raise LinkInvalid("used")
    if link_expires_at(registration) < timezone.now():
        raise LinkInvalid("expired")
    return registration


def link_expires_at(registration: Registration) -> datetime.datetime:
    """The activity's end plus the grace period (a series: its last occurrence's end)."""
    grace = datetime.timedelta(days=settings.REGISTRATION_LINK_GRACE_DAYS)
    return activity_end(registration.activity) + grace
