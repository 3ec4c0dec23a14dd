"""The shared calendar as iCalendar (RFC 5545), for Outlook, Google and Apple Calendar.

One module builds every feed: stable UIDs, SEQUENCE raised on every change, time zones as
VTIMEZONE, all-day activities as DATE values with an exclusive DTEND, cancelled activities kept
as STATUS:CANCELLED so subscribers remove them, and refresh hints for subscribing clients.
"""

import datetime

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from icalendar import Calendar, Event, vDuration, vRecur

from .models import Activity, ActivityStatus

PRODID = "-//Kennisstad//International calendar//NL"
REFRESH = datetime.timedelta(hours=1)
STATUS = {
    ActivityStatus.TENTATIVE: "TENTATIVE",
    ActivityStatus.CONFIRMED: "CONFIRMED",
    ActivityStatus.CANCELLED: "CANCELLED",
}


def _event(activity: Activity, language: str) -> Event:
    event = Event()
    event.add("uid", activity.uid)
    event.add("sequence", activity.sequence)
    event.add("dtstamp", activity.updated_at)
    event.add("created", activity.created_at)
    event.add("last-modified", activity.updated_at)
    title = (activity.title_en if language == "en" else "") or activity.title_nl
    event.add("summary", title)
    description = (activity.description_en if language == "en" else "") or activity.description_nl
    if description:
        event.add("description", description)
    place = ", ".join(
        part
        for part in (activity.location, activity.city, str(activity.country.name or ""))
        if part
    )
    if place:
        event.add("location", place)
    if activity.all_day:
        event.add("dtstart", activity.first_day)
        event.add("dtend", activity.last_day + datetime.timedelta(days=1))  # exclusive
    else:
        zone = activity.zone
        event.add("dtstart", activity.starts_at.astimezone(zone))
        event.add("dtend", activity.ends_at.astimezone(zone))
    if activity.rrule:
        event.add("rrule", vRecur.from_ical(activity.rrule))
        for day in activity.exception_dates:
            excluded = datetime.date.fromisoformat(day)
            if activity.all_day:
                event.add("exdate", excluded)
            else:
                start = activity.starts_at.astimezone(activity.zone)
                event.add("exdate", datetime.datetime.combine(excluded, start.timetz()))
    event.add("status", STATUS[activity.status])
    event.add("transp", "TRANSPARENT" if activity.all_day else "OPAQUE")
    event.add("categories", [str(activity.get_kind_display())])
    event.add(
        "url", settings.SITE_URL.rstrip("/") + reverse("agenda:activity-detail", args=[activity.pk])
    )
    return event


def calendar_bytes(activities, *, name: str, language: str = "nl") -> bytes:
    """A complete VCALENDAR for ``activities`` (an iterable of Activity)."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(REFRESH))
    with translation.override(language):
        for activity in activities:
            calendar.add_component(_event(activity, language))
    calendar.add_missing_timezones()
    return calendar.to_ical()
