"""The shared calendar as iCalendar (RFC 5545), for Outlook, Google and Apple Calendar.

One module builds every feed: stable UIDs, SEQUENCE raised on every change, time zones as
VTIMEZONE, all-day activities as DATE values with an exclusive DTEND, cancelled activities kept
as STATUS:CANCELLED so subscribers remove them, and refresh hints for subscribing clients.
"""

import datetime
import functools
import re

from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation
from django_countries import countries
from icalendar import Calendar, Timezone, vDuration

from .models import ActivityKind, ActivityStatus, first_day_of, last_day_of, zone_named
from .recurrence import publishable

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


# What a VEVENT is written from: plain rows, not model instances (a feed holds thousands).
EVENT_FIELDS = (
    "pk",
    "uid",
    "sequence",
    "version",
    "created_at",
    "updated_at",
    "title_nl",
    "title_en",
    "description_nl",
    "description_en",
    "location",
    "city",
    "country",
    "kind",
    "status",
    "all_day",
    "starts_at",
    "ends_at",
    "timezone",
    "rrule",
    "exception_dates",
)
EVENT_CACHE_SECONDS = 7 * 24 * 3600
# Rows fetched per query when events are missing from the cache (under SQLite's variable limit).
MISSING_BATCH = 900


def _event_lines(row: dict, language: str, base_url: str, labels: dict) -> list[str]:
    """One VEVENT as text. The result is checked against icalendar and Mozilla's ical.js in
    the tests."""
    title = (row["title_en"] if language == "en" else "") or row["title_nl"]
    description = (row["description_en"] if language == "en" else "") or row["description_nl"]
    lines = [
        "BEGIN:VEVENT",
        f"UID:{_escape(row['uid'])}",
        f"SEQUENCE:{row['sequence']}",
        f"DTSTAMP:{_utc(row['updated_at'])}",
        f"CREATED:{_utc(row['created_at'])}",
        f"LAST-MODIFIED:{_utc(row['updated_at'])}",
        f"SUMMARY:{_escape(title)}",
    ]
    if description:
        lines.append(f"DESCRIPTION:{_escape(description)}")
    country = labels["countries"].get(row["country"], "") if row["country"] else ""
    place = ", ".join(part for part in (row["location"], row["city"], country) if part)
    if place:
        lines.append(f"LOCATION:{_escape(place)}")
    zone = zone_named(row["timezone"])
    zone_name = zone.key
    local_start = row["starts_at"].astimezone(zone)
    if row["all_day"]:
        lines.append(f"DTSTART;VALUE=DATE:{first_day_of(row['starts_at'], zone):%Y%m%d}")
        end = last_day_of(row["ends_at"], zone) + datetime.timedelta(days=1)
        lines.append(f"DTEND;VALUE=DATE:{end:%Y%m%d}")
    else:
        lines.append(f"DTSTART;TZID={zone_name}:{local_start:%Y%m%dT%H%M%S}")
        lines.append(f"DTEND;TZID={zone_name}:{row['ends_at'].astimezone(zone):%Y%m%dT%H%M%S}")
    if row["rrule"] and publishable(row["rrule"]):
        lines.append(f"RRULE:{row['rrule']}")
        for day in row["exception_dates"] or ():
            excluded = datetime.date.fromisoformat(day)
            if row["all_day"]:
                lines.append(f"EXDATE;VALUE=DATE:{excluded:%Y%m%d}")
            else:
                moment = datetime.datetime.combine(excluded, local_start.time())
                lines.append(f"EXDATE;TZID={zone_name}:{moment:%Y%m%dT%H%M%S}")
    lines.append(f"STATUS:{STATUS[row['status']]}")
    lines.append(f"TRANSP:{'TRANSPARENT' if row['all_day'] else 'OPAQUE'}")
    lines.append(f"CATEGORIES:{_escape(labels['kinds'].get(row['kind'], row['kind']))}")
    lines.append(f"URL:{base_url}{row['pk']}/")
    lines.append("END:VEVENT")
    return [_fold(line) for line in lines]


def _event_key(language: str, pk: int, version: int, updated_at: datetime.datetime) -> str:
    # Content-addressed: a saved change gives a new version and time, so a key never goes stale.
    return f"kennisstad:vevent:{language}:{pk}:{version}:{updated_at.timestamp():.6f}"


def _rendered_events(queryset, language: str) -> tuple[list[str], set[str]]:
    """The VEVENT texts of ``queryset`` in its order, and the time zones they use.

    Each event's text is cached under its version, so a feed rebuilt after one change renders
    one event and reads the others from the cache, instead of rendering thousands again."""
    stamps = list(queryset.values_list("pk", "version", "updated_at", "timezone", "all_day"))
    keys = [_event_key(language, pk, version, changed) for pk, version, changed, _, _ in stamps]
    found = cache.get_many(keys)
    missing = {pk for (pk, *_), key in zip(stamps, keys, strict=True) if key not in found}
    if missing:
        base_url = settings.SITE_URL.rstrip("/") + reverse("agenda:activity-list")
        with translation.override(language):
            # Labels translated once per feed, not once per event.
            labels = {
                "kinds": {value: str(label) for value, label in ActivityKind.choices},
                "countries": {code: str(name) for code, name in countries},
            }
        rows = (
            queryset.values(*EVENT_FIELDS)
            if len(missing) > len(stamps) // 2
            else _rows_for(queryset.model, sorted(missing))
        )
        fresh = {}
        for row in rows:
            if row["pk"] in missing:
                key = _event_key(language, row["pk"], row["version"], row["updated_at"])
                fresh[key] = "\r\n".join(_event_lines(row, language, base_url, labels))
        cache.set_many(fresh, EVENT_CACHE_SECONDS)
        found.update(fresh)
    zones = {zone_named(zone).key for _, _, _, zone, all_day in stamps if not all_day}
    return [found[key] for key in keys if key in found], zones


def _rows_for(model, pks: list[int]):
    for start in range(0, len(pks), MISSING_BATCH):
        yield from model._default_manager.filter(pk__in=pks[start : start + MISSING_BATCH]).values(
            *EVENT_FIELDS
        )


def calendar_bytes(queryset, *, name: str, language: str = "nl", method: str = "PUBLISH") -> bytes:
    """A complete VCALENDAR for the activities of ``queryset``, in its order. The events are
    written as text from cached fragments; icalendar writes the VTIMEZONE definitions.
    ``method="CANCEL"`` (a registrant's cancellation mail) marks the same events, with their
    same UIDs, as cancelled, so a calendar that has them removes them."""
    events, zones = _rendered_events(queryset, language)
    if method == "CANCEL":
        events = [re.sub(r"\r\nSTATUS:[A-Z]+\r\n", "\r\nSTATUS:CANCELLED\r\n", e) for e in events]
    header = Calendar()
    header.add("prodid", PRODID)
    header.add("version", "2.0")
    header.add("calscale", "GREGORIAN")
    header.add("method", method)
    header.add("x-wr-calname", name)
    header.add("x-wr-timezone", settings.TIME_ZONE)
    header.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    header.add("x-published-ttl", vDuration(REFRESH))
    for zone in sorted(zones | {settings.TIME_ZONE}):
        header.add_component(_timezone_component(zone))
    text = header.to_ical().decode("utf-8")
    head = text[: text.rindex("END:VCALENDAR")]
    body = "".join(event + "\r\n" for event in events)
    return (head + body + "END:VCALENDAR\r\n").encode("utf-8")


@functools.cache
def _timezone_component(name: str) -> Timezone:
    return Timezone.from_tzid(name)
