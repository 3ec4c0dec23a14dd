"""The registrant's personal link to change or cancel: signed, expiring, and dead once the
registration is cancelled (the nonce inside it is replaced then)."""

from django.conf import settings
from django.core import signing
from django.urls import reverse

from .models import Registration, RegistrationStatus

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
    max_age = settings.REGISTRATION_LINK_MAX_AGE_DAYS * 24 * 3600
    try:
        data = signing.loads(token, salt=SALT, max_age=max_age)
    except signing.SignatureExpired as exc:
        raise LinkInvalid("expired") from exc
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
    return registration
