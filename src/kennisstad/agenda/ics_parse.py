"""Reading a calendar from another program (.ics, RFC 5545) into ``ParsedEvent``s.

``parse_ics`` only reads and checks, without the database: a file that is not a calendar, an
event without UID or start, a value that cannot be read or a line that is not ``NAME:value`` is
refused (``IcsFormatError``, an ``ImportRefused``) with its line number.
"""

import datetime
import re
import zoneinfo
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext as _
from icalendar import Calendar

from kennisstad.core.imports import ImportProblem, ImportRefused

from .models import FIRST_YEAR, LAST_YEAR, ActivityStatus, normalise_rrule

CONTENT_LINE = re.compile(r"^[A-Za-z0-9-]+(;[^:]*)?:")
STATUS = {
    "TENTATIVE": ActivityStatus.TENTATIVE,
    "CONFIRMED": ActivityStatus.CONFIRMED,
    "CANCELLED": ActivityStatus.CANCELLED,
}


class IcsFormatError(ImportRefused):
    """The import's one refusal, on one line of the calendar (1-based)."""

    def __init__(self, line: int, message: str):
        super().__init__(ImportProblem(message, line=line))

    @property
    def line(self) -> int:
        return self.problems[0].line

    @property
    def message(self) -> str:
        return self.problems[0].message


@dataclass
class ParsedEvent:
    line: int
    uid: str
    title: str
    description: str
    location: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    all_day: bool
    timezone: str
    rrule: str
    exception_dates: list[str]
    status: str
    sequence: int
    # Where each property of the event is written: name -> line number.
    property_lines: dict[str, int] = field(default_factory=dict)


# The event properties the import reads; others (DTSTAMP, CATEGORIES, X-...) are left out
# before icalendar parses the file, which makes a 10,000-event calendar about a third faster.
READ_EVENT_PROPERTIES = frozenset(
    {
        "BEGIN",
        "END",
        "UID",
        "SUMMARY",
        "DESCRIPTION",
        "LOCATION",
        "DTSTART",
        "DTEND",
        "DURATION",
        "RRULE",
        "EXDATE",
        "STATUS",
        "SEQUENCE",
        "RECURRENCE-ID",
    }
)


# Properties an event has at most once (RFC 5545 3.6.1); DTEND and DURATION exclude each other.
SINGLE_PROPERTIES = READ_EVENT_PROPERTIES - {"BEGIN", "END", "EXDATE"}
LARGEST_SEQUENCE = 2**31 - 1
# What parsing an untrusted file may raise besides ValueError, from icalendar or the date types.
PARSE_ERRORS = (ValueError, TypeError, KeyError, IndexError, AttributeError, OverflowError)


def _check_lines(text: str) -> tuple[list[dict[str, int]], str]:
    """Validate the content lines and BEGIN/END nesting. Return, for each VEVENT, the line of
    its BEGIN and of each property it has (name -> line), and the text with only the event
    properties the import reads."""
    stack: list[tuple[str, int]] = []
    event_lines: list[dict[str, int]] = []
    kept: list[str] = []
    for number, line in _unfolded(text):
        if "\x00" in line:  # no calendar has one, and PostgreSQL cannot store one in text
            raise IcsFormatError(number, _("the line contains a NUL character"))
        if not CONTENT_LINE.match(line):
            raise IcsFormatError(
                number,
                _("not an iCalendar line (NAME:value): %(line)s") % {"line": repr(line[:60])},
            )
        name = line.split(":", 1)[0].split(";", 1)[0].upper()
        in_event = bool(stack) and stack[-1][0] == "VEVENT"
        keeping = not in_event or name in READ_EVENT_PROPERTIES
        if keeping:
            kept.append(line)
        if in_event and name in READ_EVENT_PROPERTIES - {"BEGIN", "END"}:
            properties = event_lines[-1]
            if name in properties and name in SINGLE_PROPERTIES:
                raise IcsFormatError(
                    number,
                    _("%(name)s appears a second time in one event (first on line %(first)s)")
                    % {"name": name, "first": properties[name]},
                )
            if name in {"DTEND", "DURATION"} and {"DTEND", "DURATION"} & properties.keys():
                raise IcsFormatError(number, _("an event has DTEND or DURATION, not both"))
            properties.setdefault(name, number)
        value = line.split(":", 1)[1].strip().upper()
        if name == "BEGIN":
            stack.append((value, number))
            if value == "VEVENT":
                if len(event_lines) >= settings.ICS_MAX_EVENTS:
                    raise IcsFormatError(number, _too_many_events())
                event_lines.append({"BEGIN": number})
        elif name == "END":
            if not stack or stack[-1][0] != value:
                raise IcsFormatError(
                    number,
                    _("END:%(name)s without a matching BEGIN:%(name)s") % {"name": value[:60]},
                )
            stack.pop()
    if stack:
        component, number = stack[-1]
        raise IcsFormatError(number, _("BEGIN:%(name)s is never closed") % {"name": component[:60]})
    if not kept or not kept[0].strip().upper().startswith("BEGIN:VCALENDAR"):
        raise IcsFormatError(1, _("the file does not start with BEGIN:VCALENDAR"))
    return event_lines, "\r\n".join(kept) + "\r\n"


def _too_many_events() -> str:
    from django.utils.formats import number_format

    return _("the calendar has more than %(limit)s events; split it into smaller files") % {
        "limit": number_format(settings.ICS_MAX_EVENTS, force_grouping=True)
    }


def _unfolded(text: str):
    """(line number, content line) with folded continuations joined to their line, since a
    calendar program may fold anywhere, even inside a property's name or parameters."""
    number, logical = 0, None
    physical = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for current, line in enumerate(physical, start=1):
        if line[:1] in (" ", "\t") and logical is not None:
            logical += line[1:]
            continue
        if logical is not None:
            yield number, logical
        number, logical = current, line if line.strip() else None
    if logical is not None:
        yield number, logical


def _zone_name(value, default: str) -> str:
    tzinfo = getattr(value, "tzinfo", None)
    key = getattr(tzinfo, "key", None) or getattr(tzinfo, "zone", None)
    if key:
        try:
            zoneinfo.ZoneInfo(key)
            return key
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            pass
    return default


def parse_ics(text: str) -> list[ParsedEvent]:
    """The events of ``text``. A changed occurrence of a series (RECURRENCE-ID) becomes an
    exception on the series plus, unless it was cancelled, an activity of its own at its new
    time, under a UID derived from the series and the original date."""
    event_lines, text = _check_lines(text)
    try:
        calendar = Calendar.from_ical(text)
    except PARSE_ERRORS as exc:
        raise IcsFormatError(
            1, _("the calendar cannot be read: %(problem)s") % {"problem": exc}
        ) from exc
    events, overrides = [], []
    for lines, component in zip(event_lines, calendar.walk("VEVENT"), strict=False):
        event = _parsed_event(component, lines)
        if component.get("RECURRENCE-ID") is not None:
            overrides.append((event, _moment(component, "RECURRENCE-ID", event.uid, lines)))
        else:
            events.append(event)
    series = {event.uid: event for event in events}
    for event, original in overrides:
        master = series.get(event.uid)
        zone = zoneinfo.ZoneInfo(master.timezone if master else event.timezone)
        if isinstance(original, datetime.datetime):
            local = original.astimezone(zone) if original.tzinfo else original
            day, stamp = local.date(), original.strftime("%Y%m%dT%H%M%S")
        else:
            day, stamp = original, original.strftime("%Y%m%d")
        if master is not None and master.rrule:
            master.exception_dates = sorted({*master.exception_dates, day.isoformat()})
        if event.status == ActivityStatus.CANCELLED and master is not None:
            continue  # a cancelled occurrence is only the exception
        event.uid = f"{event.uid[: 255 - len(stamp) - 1]}#{stamp}"
        event.rrule, event.exception_dates = "", []
        events.append(event)
    return events


def _refusal(lines: dict[str, int], name: str, uid: str, problem: str) -> IcsFormatError:
    """A refusal on the line of property ``name`` (or the event's BEGIN when it has none)."""
    return IcsFormatError(
        lines.get(name, lines["BEGIN"]),
        _("%(name)s of the event %(uid)s: %(problem)s")
        % {"name": name, "uid": uid or "?", "problem": problem},
    )


def _raw(component, name: str) -> str:
    value = component.get(name)
    try:
        text = value.to_ical()
    except (AttributeError, *PARSE_ERRORS):
        text = str(value)
    text = text.decode(errors="replace") if isinstance(text, bytes) else str(text)
    return text[:60]


def _moment(component, name: str, uid: str, lines: dict[str, int]) -> datetime.date:
    """A DATE or DATE-TIME property as a date or datetime within the years activities may have;
    anything else (a PERIOD, an unknown time zone, the year 9999) is refused on its line."""
    value = component.decoded(name)
    if not isinstance(value, datetime.date):
        raise _refusal(lines, name, uid, _("give a date or a date and time"))
    return _within_years(value, name, uid, lines, tzid=component[name].params.get("TZID"))


def _within_years(value, name, uid, lines, *, tzid=None):
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise _refusal(
            lines,
            name,
            uid,
            _("choose a date between the years %(first)s and %(last)s")
            % {"first": FIRST_YEAR, "last": LAST_YEAR},
        )
    if tzid and isinstance(value, datetime.datetime) and value.tzinfo is None:
        raise _refusal(
            lines,
            name,
            uid,
            _("the time zone %(tzid)s is not known and not defined in the file")
            % {"tzid": str(tzid)[:60]},
        )
    return value


def _parsed_event(component, lines: dict[str, int]) -> ParsedEvent:
    uid = str(component.get("UID") or "").strip()
    if not uid:
        raise IcsFormatError(lines["BEGIN"], _("the event has no UID"))
    for name, _problem in component.errors:
        # icalendar keeps a value it cannot read (SEQUENCE:abc, DTSTART:notadate) as text.
        raise _refusal(
            lines, name, uid, _("%(value)s cannot be read") % {"value": _raw(component, name)}
        )
    times = _times(component, uid, lines)
    return ParsedEvent(
        line=lines["BEGIN"],
        uid=uid[:255],
        title=str(component.get("SUMMARY") or uid)[:200],
        description=str(component.get("DESCRIPTION") or ""),
        location=str(component.get("LOCATION") or "")[:200],
        starts_at=times.starts_at,
        ends_at=times.ends_at,
        all_day=times.all_day,
        timezone=times.zone_name,
        rrule=_rule(component, uid, lines),
        exception_dates=_exception_dates(component, uid, lines, times.zone),
        status=STATUS.get(
            str(component.get("STATUS") or "CONFIRMED").upper(), ActivityStatus.CONFIRMED
        ),
        sequence=_sequence(component, uid, lines),
        property_lines=lines,
    )


@dataclass
class _Times:
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    all_day: bool
    zone_name: str

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.zone_name)


def _end(component, start, uid: str, lines: dict[str, int]):
    """DTEND, or DTSTART plus DURATION, or (without either) a day or an instant later."""
    all_day = not isinstance(start, datetime.datetime)
    if component.get("DTEND") is not None:
        end = _moment(component, "DTEND", uid, lines)
        if isinstance(end, datetime.datetime) == all_day:
            raise _refusal(
                lines,
                "DTEND",
                uid,
                _("a date and time while DTSTART is a date")
                if all_day
                else _("a date while DTSTART is a date and time"),
            )
        return end
    if component.get("DURATION") is not None:
        duration = component.decoded("DURATION")
        if not isinstance(duration, datetime.timedelta):
            raise _refusal(lines, "DURATION", uid, _("give a duration such as PT1H or P2D"))
        try:
            return _within_years(start + duration, "DURATION", uid, lines)
        except OverflowError:
            raise _refusal(lines, "DURATION", uid, _("the duration is too long")) from None
    return start + (datetime.timedelta(days=1) if all_day else datetime.timedelta(0))


def _times(component, uid: str, lines: dict[str, int]) -> _Times:
    """Start and end as moments in a zone: an all-day event from midnight to midnight in our
    zone, a floating time in our zone, an instant given half an hour."""
    if component.get("DTSTART") is None:
        raise IcsFormatError(lines["BEGIN"], _("the event %(uid)s has no DTSTART") % {"uid": uid})
    start = _moment(component, "DTSTART", uid, lines)
    end = _end(component, start, uid, lines)
    all_day = not isinstance(start, datetime.datetime)
    zone_name = settings.TIME_ZONE if all_day else _zone_name(start, settings.TIME_ZONE)
    zone = zoneinfo.ZoneInfo(zone_name)
    if all_day:
        starts_at = datetime.datetime.combine(start, datetime.time(0), tzinfo=zone)
        ends_at = datetime.datetime.combine(end, datetime.time(0), tzinfo=zone)
    else:
        starts_at = start if start.tzinfo else start.replace(tzinfo=zone)  # floating time
        ends_at = end if end.tzinfo else end.replace(tzinfo=zone)
    if ends_at < starts_at:
        raise _refusal(
            lines,
            "DTEND" if "DTEND" in lines else "DURATION",
            uid,
            _("the event ends before it starts"),
        )
    if ends_at == starts_at and not all_day:
        ends_at = starts_at + datetime.timedelta(minutes=30)  # an instant: give it a slot
    return _Times(starts_at=starts_at, ends_at=ends_at, all_day=all_day, zone_name=zone_name)


def _rule(component, uid: str, lines: dict[str, int]) -> str:
    rrule = component.get("RRULE")
    if rrule is None:
        return ""
    rule_text = normalise_rrule(rrule.to_ical().decode())
    if not rule_text:
        raise _refusal(lines, "RRULE", uid, _("this is not a recurrence rule"))
    return rule_text


def _exception_dates(component, uid: str, lines: dict[str, int], zone) -> list[str]:
    """EXDATE as days in the event's zone (ISO dates)."""
    exceptions = []
    exdates = component.get("EXDATE")
    for block in exdates if isinstance(exdates, list) else [exdates] if exdates else []:
        for value in block.dts:
            moment = value.dt
            if not isinstance(moment, datetime.date):
                raise _refusal(lines, "EXDATE", uid, _("give dates or dates and times"))
            _within_years(moment, "EXDATE", uid, lines)
            if isinstance(moment, datetime.datetime):
                moment = moment.astimezone(zone).date() if moment.tzinfo else moment.date()
            exceptions.append(moment.isoformat())
    return sorted(set(exceptions))


def _sequence(component, uid: str, lines: dict[str, int]) -> int:
    sequence = int(component.get("SEQUENCE") or 0)
    if not 0 <= sequence <= LARGEST_SEQUENCE:
        raise _refusal(lines, "SEQUENCE", uid, _("give a whole number from 0"))
    return sequence
