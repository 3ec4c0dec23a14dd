"""The newsletter's mails: the confirmation of a subscription, and an edition as text with an HTML
alternative in the subscriber's language, with a personal unsubscribe link and the RFC 8058
``List-Unsubscribe`` headers. Links are absolute, from ``SITE_URL``.

An edition is rendered once per language and choice of themes (``EditionRenderer``); each
subscriber's mail only gets its own unsubscribe address put in, so 5,000 mails cost a handful of
template renders."""

from urllib.parse import quote

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection, send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from . import selectors, tokens
from .models import Edition, Subscriber

PLACEHOLDER = "@@UNSUBSCRIBE_URL@@"


def absolute(path: str, language: str = "nl") -> str:
    url = settings.SITE_URL.rstrip("/") + path
    return url + "?lang=en" if language == "en" else url


def from_address() -> str:
    return settings.NEWSLETTER_FROM_EMAIL or settings.DEFAULT_FROM_EMAIL


def unsubscribe_urls(key: str, language: str) -> tuple[str, str]:
    """The page with the button (in the mail's text) and the one-click address (the header)."""
    token = tokens.unsubscribe_token(key)
    page = absolute(reverse("newsletter:unsubscribe", args=[token]), language)
    one_click = absolute(reverse("newsletter:unsubscribe-one-click", args=[token]))
    return page, one_click


def list_unsubscribe_headers(key: str, one_click: str) -> dict[str, str]:
    targets = [f"<{one_click}>"]
    if settings.NEWSLETTER_UNSUBSCRIBE_MAILTO:
        subject = quote(f"unsubscribe {tokens.unsubscribe_token(key)}")
        targets.append(f"<mailto:{settings.NEWSLETTER_UNSUBSCRIBE_MAILTO}?subject={subject}>")
    return {
        "List-Unsubscribe": ", ".join(targets),
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def send_confirmation(email: str, key: str, token: str, language: str) -> None:
    with translation.override(language):
        context = {
            "confirm_url": absolute(reverse("newsletter:confirm", args=[token]), language),
            "days": settings.NEWSLETTER_CONFIRM_DAYS,
        }
        subject = _("Confirm your subscription to the international newsletter")
        body = render_to_string("newsletter/mail/confirm.txt", context)
    send_mail(subject, body, from_address(), [email])


def render_edition(edition: Edition, language: str, theme_ids: frozenset[int], activities=None):
    """(subject, text, html) of the edition in ``language`` for subscribers of ``theme_ids``,
    with ``PLACEHOLDER`` where the unsubscribe address goes."""
    if activities is None:
        activities = selectors.edition_activities(edition)
    with translation.override(language):
        context = {
            "edition": edition,
            "language": language,
            "activities": selectors.activities_for_themes(activities, theme_ids),
            "unsubscribe_url": PLACEHOLDER,
            # The site's front page (the public portal; a lower app names no page of it).
            "calendar_url": absolute("/", language),
        }
        return (
            edition.subject,
            render_to_string("newsletter/mail/edition.txt", context),
            render_to_string("newsletter/mail/edition.html", context),
        )


class EditionRenderer:
    """Builds the mails of one edition, rendering each (language, themes) once."""

    def __init__(self, edition: Edition):
        self.edition = edition
        self.activities = selectors.edition_activities(edition)
        self._rendered: dict[tuple[str, frozenset[int]], tuple[str, str, str]] = {}

    def message(self, subscriber: Subscriber, connection=None) -> EmailMultiAlternatives:
        theme_ids = frozenset(theme.pk for theme in subscriber.themes.all())
        cache_key = (subscriber.language, theme_ids)
        if cache_key not in self._rendered:
            self._rendered[cache_key] = render_edition(
                self.edition, subscriber.language, theme_ids, self.activities
            )
        subject, text, html = self._rendered[cache_key]
        page, one_click = unsubscribe_urls(subscriber.key, subscriber.language)
        message = EmailMultiAlternatives(
            subject,
            text.replace(PLACEHOLDER, page),
            from_address(),
            [subscriber.email],
            headers=list_unsubscribe_headers(subscriber.key, one_click),
            connection=connection,
        )
        message.attach_alternative(html.replace(PLACEHOLDER, page), "text/html")
        return message


def send_test_mail(edition: Edition, email: str, language: str) -> None:
    """The edition as a subscriber of every theme would get it; its links lead nowhere real."""
    subject, text, html = render_edition(edition, language, frozenset())
    page = absolute(reverse("newsletter:unsubscribe", args=["test"]), language)
    with translation.override(language):
        subject = _("[Test] %(subject)s") % {"subject": subject}
    message = EmailMultiAlternatives(
        subject, text.replace(PLACEHOLDER, page), from_address(), [email]
    )
    message.attach_alternative(html.replace(PLACEHOLDER, page), "text/html")
    message.send()


def open_connection():
    """One connection to the mail server for a whole batch."""
    return get_connection()
