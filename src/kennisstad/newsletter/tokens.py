"""The signed links in the newsletter's mails (``django.core.signing``, each with its own salt).

A confirmation link carries the subscriber's key and the preferences asked for, and expires
(``NEWSLETTER_CONFIRM_DAYS``); nothing changes until it is followed, so asking again for an
address someone else subscribed changes nothing of theirs. An unsubscribe link carries the key
only and does not expire: it must keep working in every mail ever sent."""

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


def confirm_token(key: str, *, language: str, themes: list[int]) -> str:
    return signing.dumps({"k": key, "l": language, "t": themes}, salt=CONFIRM_SALT, compress=True)


def read_confirm_token(token: str) -> Confirmation | None:
    """The confirmation in ``token``; None when it is forged, garbled or too old."""
    try:
        data = signing.loads(
            token, salt=CONFIRM_SALT, max_age=settings.NEWSLETTER_CONFIRM_DAYS * 24 * 3600
        )
        return Confirmation(str(data["k"]), str(data["l"]), [int(pk) for pk in data["t"]])
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
