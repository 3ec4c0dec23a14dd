"""The signed links in the newsletter's mails (``django.core.signing``, each with its own salt).

A confirmation link carries the subscriber's key, the preferences asked for, the consent text
agreed to and when it was issued, and expires (``NEWSLETTER_CONFIRM_DAYS``); nothing changes
until it is followed, so asking again for an address someone else subscribed changes nothing of
theirs, and a link issued before the address last unsubscribed confirms nothing. An unsubscribe
link carries the key only and does not expire: it must keep working in every mail ever sent."""

import time
from dataclasses import dataclass

from django.conf import settings
from django.core import signing

CONFIRM_SALT = "kennisstad.newsletter.confirm"
UNSUBSCRIBE_SALT = "kennisstad.newsletter.unsubscribe"


@dataclass(frozen=True)
class Confirmation:
    key: str
    language: str
    themes: list[int]
    consent_text: str = ""
    issued_at: float = 0.0  # seconds since the epoch; 0 for links issued before it was carried


def confirm_token(key: str, *, language: str, themes: list[int], consent_text: str = "") -> str:
    data = {"k": key, "l": language, "t": themes, "c": consent_text, "i": time.time()}
    return signing.dumps(data, salt=CONFIRM_SALT, compress=True)


def read_confirm_token(token: str) -> Confirmation | None:
    """The confirmation in ``token``; None when it is forged, garbled or too old."""
    try:
        data = signing.loads(
            token, salt=CONFIRM_SALT, max_age=settings.NEWSLETTER_CONFIRM_DAYS * 24 * 3600
        )
        return Confirmation(
            str(data["k"]),
            str(data["l"]),
            [int(pk) for pk in data["t"]],
            str(data.get("c", "")),
            float(data.get("i", 0)),
        )
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


def unsubscribe_token(key: str) -> str:
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign(key)


def read_unsubscribe_token(token: str) -> str | None:
    """The subscriber key in ``token``; None when it is not one we signed."""
    try:
        return signing.Signer(salt=UNSUBSCRIBE_SALT).unsign(token)
    except signing.BadSignature:
        return None
