"""The shared calendar as iCalendar (RFC 5545), for Outlook, Google and Apple Calendar.

One module builds every feed: stable UIDs, SEQUENCE raised on every change, time zones as
VTIMEZONE, all-day activities as DATE values with an exclusive DTEND, cancelled activities kept
as STATUS:CANCELLED so subscribers remove them, and refresh hints for subscribing clients.
"""

import datetime

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django_countries import countries
from icalendar import Calendar, Timezone, vDuration

from .models import Activity, ActivityKind, ActivityStatus

PRODID = "-//Kennisstad//International calendar//NL"
REFRESH = datetime.timedelta(hours=1)
STATUS = {
    ActivityStatus.TENTATIVE: "TENTATIVE",
    ActivityStatus.CONFIRMED: "CONFIRMED",
    ActivityStatus.CANCELLED: "CANCELLED",
}


def _escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def _fold(line: str) -> str:
    """Content lines longer than 75 octets continue on the next line after a space."""
    encoded = line.encode("utf-8")
    if len(encoded) <= 75:
        return line
    parts, start, limit = [], 0, 75
    while start < len(encoded):
        end = min(start + limit, len(encoded))
        while end < len(encoded) and (encoded[end] & 0xC0) == 0x80:  # not inside a character
            end -= 1
        parts.append(encoded[start:end].decode("utf-8"))
        start, limit = end, 74
    return "\r\n ".join(parts)


def _utc(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def _event_lines(activity: Activity, language: str, base_url: str, labels: dict) -> list[str]:
    """One VEVENT as text: the fast path for feeds of thousands of events. The result is
    checked against icalendar and Mozilla's ical.js in the tests."""
    title = (activity.title_en if language == "en" else "") or activity.title_nl
    description = (activity.description_en if language == "en" else "") or activity.description_nl
    lines = [
        "BEGIN:VEVENT",
        f"UID:{_escape(activity.uid)}",
        f"SEQUENCE:{activity.sequence}",
        f"DTSTAMP:{_utc(activity.updated_at)}",
        f"CREATED:{_utc(activity.created_at)}",
        f"LAST-MODIFIED:{_utc(activity.updated_at)}",
        f"SUMMARY:{_escape(title)}",
    ]
    if description:
        lines.append(f"DESCRIPTION:{_escape(description)}")
    country = labels["countries"].get(activity.country.code, "") if activity.country else ""
    place = ", ".join(part for part in (activity.location, activity.city, country) if part)
    if place:
        lines.append(f"LOCATION:{_escape(place)}")
    if activity.all_day:
        first = activity.first_day
        lines.append(f"DTSTART;VALUE=DATE:{first:%Y%m%d}")
        lines.append(f"DTEND;VALUE=DATE:{activity.last_day + datetime.timedelta(days=1):%Y%m%d}")
    else:
        zone = activity.zone
        lines.append(
            f"DTSTART;TZID={activity.timezone}:{activity.starts_at.astimezone(zone):%Y%m%dT%H%M%S}"
        )
        lines.append(
            f"DTEND;TZID={activity.timezone}:{activity.ends_at.astimezone(zone):%Y%m%dT%H%M%S}"
        )
    if activity.rrule:
        lines.append(f"RRULE:{activity.rrule}")
        for day in activity.exception_dates:
            excluded = datetime.date.fromisoformat(day)
            if activity.all_day:
                lines.append(f"EXDATE;VALUE=DATE:{excluded:%Y%m%d}")
            else:
                start = activity.starts_at.astimezone(activity.zone)
                moment = datetime.datetime.combine(excluded, start.time())
                lines.append(f"EXDATE;TZID={activity.timezone}:{moment:%Y%m%dT%H%M%S}")
    lines.append(f"STATUS:{STATUS[activity.status]}")
    lines.append(f"TRANSP:{'TRANSPARENT' if activity.all_day else 'OPAQUE'}")
    lines.append(f"CATEGORIES:{_escape(labels['kinds'].get(activity.kind, activity.kind))}")
    lines.append(f"URL:{base_url}{activity.pk}/")
    lines.append("END:VEVENT")
    return [_fold(line) for line in lines]


def calendar_bytes(activities, *, name: str, language: str = "nl") -> bytes:
    """A complete VCALENDAR for ``activities``. The events are written directly (a feed holds
    thousands); icalendar writes the VTIMEZONE definitions of the zones they use."""
    activities = list(activities)
    header = Calendar()
    header.add("prodid", PRODID)
    header.add("version", "2.0")
    header.add("calscale", "GREGORIAN")
    header.add("method", "PUBLISH")
    header.add("x-wr-calname", name)
    header.add("x-wr-timezone", settings.TIME_ZONE)
    header.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    header.add("x-published-ttl", vDuration(REFRESH))
    zones = sorted({a.timezone for a in activities if not a.all_day} | {settings.TIME_ZONE})
    for zone in zones:
        header.add_component(Timezone.from_tzid(zone))
    text = header.to_ical().decode("utf-8")
    head = text[: text.rindex("END:VCALENDAR")]
    base_url = settings.SITE_URL.rstrip("/") + reverse("agenda:activity-list")
    body = []
    with translation.override(language):
        # Labels translated once per feed, not once per event.
        labels = {
            "kinds": {value: str(label) for value, label in ActivityKind.choices},
            "countries": {code: str(name) for code, name in countries},
        }
        for activity in activities:
            body.extend(_event_lines(activity, language, base_url, labels))
    return (head + "\r\n".join(body) + ("\r\n" if body else "") + "END:VCALENDAR\r\n").encode(
        "utf-8"
    )
