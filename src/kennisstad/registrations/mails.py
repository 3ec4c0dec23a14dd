"""Mails to registrants, in their own language, sent after the transaction that decided them
committed (a rolled-back registration mails nobody). Each carries the activity as an .ics
attachment (written by the agenda's iCalendar module) and the personal link."""

import logging
from smtplib import SMTPException

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from kennisstad.agenda.ical import calendar_bytes
from kennisstad.agenda.models import Activity

from .links import manage_url
from .models import Registration

logger = logging.getLogger(__name__)

KINDS = ("confirmed", "waiting", "duplicate", "promoted", "cancelled")


def _subject(kind: str, title: str) -> str:
    # The msgids are listed here so makemessages finds them.
    subjects = {
        "confirmed": _("Your registration for %(title)s is confirmed"),
        "waiting": _("You are on the waiting list for %(title)s"),
        "duplicate": _("You had already registered for %(title)s"),
        "promoted": _("A place became free: you are registered for %(title)s"),
        "cancelled": _("Your registration for %(title)s is cancelled"),
    }
    return subjects[kind] % {"title": title}


def event_ics(activity: Activity, language: str) -> bytes:
    """The activity alone as a calendar, as the public feed writes it."""
    return calendar_bytes(
        Activity.objects.filter(pk=activity.pk), name=activity.title_nl, language=language
    )


def build_mail(registration: Registration, kind: str) -> EmailMessage:
    """The mail of ``kind`` (one of ``KINDS``) for ``registration``, in its language."""
    language = registration.language or "nl"
    with translation.override(language):
        activity = registration.activity
        title = (activity.title_en if language == "en" else "") or activity.title_nl
        context = {
            "registration": registration,
            "activity": activity,
            "title": title,
            "kind": kind,
            "manage_url": manage_url(registration) if kind != "cancelled" else "",
        }
        body = render_to_string("registrations/mail/registrant.txt", context)
        message = EmailMessage(_subject(kind, title), body, None, [registration.email])
    if kind != "cancelled":
        message.attach("activity.ics", event_ics(activity, language), "text/calendar")
    return message


def send_to_registrant(registration_id: int, kind: str) -> None:
    """Send the mail; a failing mail server is logged, never undoes the registration."""
    registration = (
        Registration.objects.select_related("activity").filter(pk=registration_id).first()
    )
    if registration is None:
        return
    try:
        build_mail(registration, kind).send()
    except (SMTPException, OSError):
        logger.warning("Registration mail %s to registration:%s not sent.", kind, registration_id)
