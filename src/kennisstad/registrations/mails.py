"""Mails to registrants, in their own language, sent after the transaction that decided them
committed (a rolled-back registration mails nobody). Each carries the activity as an .ics
attachment (written by the agenda's iCalendar module) and the personal link."""

import logging
from smtplib import SMTPException

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext as _

from kennisstad.agenda.ical import calendar_bytes
from kennisstad.agenda.models import Activity, first_day_of, last_day_of, zone_named
from kennisstad.core.background import TRANSIENT_ERRORS

from .links import manage_url
from .models import Registration, RegistrationStatus

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


# Which mail carries the activity for the calendar: not the waiting list (no place yet), and
# the cancellation carries it as cancelled (same UID), so the calendar removes it.
ICS_METHOD = {"confirmed": "PUBLISH", "promoted": "PUBLISH", "duplicate": "PUBLISH"}
ICS_METHOD["cancelled"] = "CANCEL"


def event_ics(activity: Activity, language: str, method: str = "PUBLISH") -> bytes:
    """The activity alone as a calendar, as the public feed writes it."""
    return calendar_bytes(
        Activity.objects.filter(pk=activity.pk),
        name=activity.title_nl,
        language=language,
        method=method,
    )


def when_text(activity: Activity) -> str:
    """When the activity takes place, in its own time zone: dates only for an all-day
    activity; the zone's name added when it is not the site's."""
    zone = zone_named(activity.timezone)
    if activity.all_day:
        first = first_day_of(activity.starts_at, zone)
        last = last_day_of(activity.ends_at, zone)
        days = [date_format(day, "DATE_FORMAT") for day in dict.fromkeys((first, last))]
        return " – ".join(days)
    start = activity.starts_at.astimezone(zone)
    end = activity.ends_at.astimezone(zone)
    same_day = start.date() == end.date()
    text = (
        f"{date_format(start, 'DATETIME_FORMAT')} – "
        f"{time_format(end, 'TIME_FORMAT') if same_day else date_format(end, 'DATETIME_FORMAT')}"
    )
    if zone.key != settings.TIME_ZONE:
        text += f" ({zone.key})"
    return text


def _ics_method(registration: Registration, kind: str) -> str:
    if kind == "duplicate" and registration.status != RegistrationStatus.CONFIRMED:
        return ""  # someone waiting who registered again still has no place
    return ICS_METHOD.get(kind, "")


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
            "when": when_text(activity),
            "ics_method": _ics_method(registration, kind),
        }
        body = render_to_string("registrations/mail/registrant.txt", context)
        message = EmailMessage(_subject(kind, title), body, None, [registration.email])
    method = _ics_method(registration, kind)
    if method:
        calendar = event_ics(activity, language, method)
        message.attach("activity.ics", calendar, f"text/calendar; method={method}")
    return message


def send_to_registrant(registration_id: int, kind: str) -> int:
    """Send the mail (from the background task); returns how many went. A mail server that
    is away for now raises, so the task tries again; a refusal is logged, never undoes the
    registration."""
    registration = (
        Registration.objects.select_related("activity").filter(pk=registration_id).first()
    )
    if registration is None:
        return 0
    try:
        build_mail(registration, kind).send()
    except TRANSIENT_ERRORS:
        raise
    except (SMTPException, OSError):
        logger.warning("Registration mail %s to registration:%s not sent.", kind, registration_id)
        return 0
    return 1
