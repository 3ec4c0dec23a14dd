"""Reading calendars from other programs (.ics, RFC 5545) into the shared calendar.

``parse_ics`` only reads and checks: a file that is not a calendar, an event without UID or
start, or a line that is not ``NAME:value`` is refused with its line number. ``import_events``
then writes everything or nothing: an event whose UID is known updates that activity (raising
its SEQUENCE) when the importer may change it, an unknown one is added. It checks every event
(``plan_events``, reads only) before it takes the write lock for one short transaction
(``write_events``). A partner calendar (``sync_subscription``) changes only its own activities
(those it created, or adopted from its organisation); a UID that another organiser's activity or
another calendar's already uses is reported as a conflict and never applied.
"""

import datetime
import re
import zoneinfo
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _
from icalendar import Calendar
from simple_history.utils import bulk_create_with_history

from kennisstad.accounts import access
from kennisstad.core.actors import actor_of
from kennisstad.core.concurrency import refused_when_changed_meanwhile
from kennisstad.core.signals import records_bulk_created

from .models import (
    FIRST_YEAR,
    LAST_YEAR,
    Activity,
    ActivityKind,
    ActivityStatus,
    Visibility,
    normalise_rrule,
)
from .services import publication_gate, save_activity

MAX_CALENDAR_BYTES = 20_000_000
# UIDs per ``uid__in`` lookup: SQLite allows 32,766 variables in one query, PostgreSQL 65,535.
LOOKUP_CHUNK = 2000
# The audit trail's change reason for a partner calendar's changes; core.history shows it as
# the actor.
SYNC_REASON_PREFIX = "feed sync: "
CONTENT_LINE = re.compile(r"^[A-Za-z0-9-]+(;[^:]*)?:")
STATUS = {
    "TENTATIVE": ActivityStatus.TENTATIVE,
    "CONFIRMED": ActivityStatus.CONFIRMED,
    "CANCELLED": ActivityStatus.CANCELLED,
}


class IcsFormatError(ValueError):
    def __init__(self, line: int, message: str):
        self.line = line
        self.message = message
        super().__init__(_("line %(line)s: %(message)s") % {"line": line, "message": message})


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


@dataclass
class IcsReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    # Events left alone because their UID belongs to an activity the importer may not change.
    conflicts: list[str] = field(default_factory=list)
    dry_run: bool = False


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


def _chunks(items: list, size: int | None = None):
    size = size or LOOKUP_CHUNK
    for start in range(0, len(items), size):
        yield items[start : start + size]


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
    line = lines["BEGIN"]
    default_zone = settings.TIME_ZONE
    uid = str(component.get("UID") or "").strip()
    if not uid:
        raise IcsFormatError(line, _("the event has no UID"))
    for name, _problem in component.errors:
        # icalendar keeps a value it cannot read (SEQUENCE:abc, DTSTART:notadate) as text.
        raise _refusal(
            lines, name, uid, _("%(value)s cannot be read") % {"value": _raw(component, name)}
        )
    if component.get("DTSTART") is None:
        raise IcsFormatError(line, _("the event %(uid)s has no DTSTART") % {"uid": uid})
    start = _moment(component, "DTSTART", uid, lines)
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
    elif component.get("DURATION") is not None:
        duration = component.decoded("DURATION")
        if not isinstance(duration, datetime.timedelta):
            raise _refusal(lines, "DURATION", uid, _("give a duration such as PT1H or P2D"))
        try:
            end = _within_years(start + duration, "DURATION", uid, lines)
        except OverflowError:
            raise _refusal(lines, "DURATION", uid, _("the duration is too long")) from None
    else:
        end = start + (datetime.timedelta(days=1) if all_day else datetime.timedelta(0))
    zone_name = default_zone if all_day else _zone_name(start, default_zone)
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
    rrule = component.get("RRULE")
    rule_text = normalise_rrule(rrule.to_ical().decode()) if rrule is not None else ""
    if rrule is not None and not rule_text:
        raise _refusal(lines, "RRULE", uid, _("this is not a recurrence rule"))
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
    sequence = int(component.get("SEQUENCE") or 0)
    if not 0 <= sequence <= LARGEST_SEQUENCE:
        raise _refusal(lines, "SEQUENCE", uid, _("give a whole number from 0"))
    return ParsedEvent(
        line=line,
        uid=uid[:255],
        title=str(component.get("SUMMARY") or uid)[:200],
        description=str(component.get("DESCRIPTION") or ""),
        location=str(component.get("LOCATION") or "")[:200],
        starts_at=starts_at,
        ends_at=ends_at,
        all_day=all_day,
        timezone=zone_name,
        rrule=rule_text,
        exception_dates=sorted(set(exceptions)),
        status=STATUS.get(
            str(component.get("STATUS") or "CONFIRMED").upper(), ActivityStatus.CONFIRMED
        ),
        sequence=sequence,
        property_lines=lines,
    )


class _DryRun(Exception):
    pass


@dataclass
class IcsPlan:
    """What an import will write, found without writing: new activities (validated, unsaved)
    and known ones with their changes applied (validated, unsaved)."""

    report: IcsReport
    created: list[Activity] = field(default_factory=list)
    updated: list[tuple[Activity, ParsedEvent]] = field(default_factory=list)
    # The audit trail's actor when a partner calendar writes (no user made the change).
    change_reason: str = ""
    # The line of each new activity's event, to name it when its UID was taken meanwhile.
    created_lines: dict[str, int] = field(default_factory=dict)


def plan_events(
    events: list[ParsedEvent],
    *,
    user=None,
    organiser=None,
    visibility: str = Visibility.PARTNERS,
    dry_run: bool = False,
    subscription=None,
) -> IcsPlan:
    """Match every event to a known UID and validate it; raises ``IcsFormatError``. Only reads
    the database, so no write lock is held while a large calendar is checked.

    Only activities the importer may change are updated: a partner calendar's (``subscription``)
    own, a partner's its organisation's; a team member and the command line may update any. A
    UID held by any other activity is reported in ``conflicts`` and left as it is."""
    actor = actor_of(user)
    _check_importer(actor, organiser)
    plan = IcsPlan(
        report=IcsReport(dry_run=dry_run),
        change_reason=sync_change_reason(subscription) if subscription is not None else "",
    )
    report = plan.report
    uids = list({event.uid for event in events})
    existing = {
        activity.uid: activity
        for chunk in _chunks(uids)
        for activity in Activity.objects.filter(uid__in=chunk)
    }
    by_partner = subscription is not None or access.is_partner(actor)
    queued: set[int] = set()
    for event in events:
        activity = existing.get(event.uid)
        if (
            activity is not None
            and activity.pk is not None
            and not _may_update(activity, user=actor, subscription=subscription)
        ):
            report.conflicts.append(_conflict(event, subscription))
            continue
        values = {
            "title_nl": event.title,
            "description_nl": event.description,
            "location": event.location,
            "starts_at": event.starts_at,
            "ends_at": event.ends_at,
            "all_day": event.all_day,
            "timezone": event.timezone,
            "rrule": event.rrule,
            "exception_dates": event.exception_dates,
            "status": event.status,
        }
        if activity is None:
            activity = Activity(
                uid=event.uid,
                kind=ActivityKind.OTHER,
                visibility=visibility,
                organiser_organisation=organiser,
                sequence=event.sequence,
                subscription=subscription,
                updated_by=actor,
                **values,
            )
            publication_gate(activity, user=actor, by_partner=by_partner)
            _validate(activity, event)
            plan.created.append(activity)
            plan.created_lines[event.uid] = event.line
            existing[event.uid] = activity  # a repeated UID in the file updates it
            report.created.append(f"{event.uid} {event.title}")
            continue
        if activity.pk is None:  # repeated in this file: the later one wins
            for name, value in values.items():
                setattr(activity, name, value)
            _validate(activity, event)
            continue
        stored = {name: getattr(activity, name) for name in values}
        stored["rrule"] = normalise_rrule(stored["rrule"])
        adopting = subscription is not None and activity.subscription_id is None
        if not adopting and all(stored[name] == value for name, value in values.items()):
            report.unchanged.append(event.uid)
            continue
        for name, value in values.items():
            setattr(activity, name, value)
        if adopting:  # from now on the feed keeps it, and cancels it when it is gone
            activity.subscription = subscription
        _validate(activity, event)
        if activity.pk not in queued:  # a UID repeated in the file is saved once
            queued.add(activity.pk)
            plan.updated.append((activity, event))
            report.updated.append(f"{event.uid} {event.title}")
    return plan


def write_events(plan: IcsPlan, *, user=None) -> None:
    """Write a checked plan: the only part of an import that holds the write lock. Must run
    inside ``transaction.atomic``. An activity edited, or a UID added, by someone else since the
    plan was checked refuses the import (``IcsFormatError`` on that event's line); the caller's
    transaction then writes nothing."""
    actor = actor_of(user)
    for activity, event in plan.updated:
        with refused_when_changed_meanwhile(
            lambda message, line=event.line: IcsFormatError(line, message)
        ):
            _save(
                activity,
                user,
                event,
                expected_version=activity.version,
                change_reason=plan.change_reason,
            )
    # New activities in bulk, each with its audit-trail row: a partner calendar or an
    # exported Outlook calendar easily holds thousands of events. In a savepoint, so that
    # after a UID taken meanwhile the transaction can still look up which one.
    with (
        refused_when_changed_meanwhile(
            lambda message: IcsFormatError(_line_taken_meanwhile(plan), message)
        ),
        transaction.atomic(),
    ):
        bulk_create_with_history(
            plan.created,
            Activity,
            batch_size=1000,
            default_user=actor,
            default_change_reason=plan.change_reason or None,
        )
    index_created(plan.created)


def _line_taken_meanwhile(plan: IcsPlan) -> int:
    """The line of the first new event whose UID another writer added since the check."""
    for chunk in _chunks(list(plan.created_lines)):
        taken = Activity.objects.filter(uid__in=chunk).values_list("uid", flat=True)
        if lines := [plan.created_lines[uid] for uid in taken]:
            return min(lines)
    return min(plan.created_lines.values(), default=1)


def import_events(
    events: list[ParsedEvent],
    *,
    user=None,
    organiser=None,
    visibility: str = Visibility.PARTNERS,
    dry_run: bool = False,
    subscription=None,
) -> IcsReport:
    """Check everything, then upsert by UID in one short transaction; with ``dry_run`` report
    and roll back."""
    plan = plan_events(
        events,
        user=user,
        organiser=organiser,
        visibility=visibility,
        dry_run=dry_run,
        subscription=subscription,
    )
    try:
        with transaction.atomic():
            write_events(plan, user=user)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return plan.report


def _check_importer(actor, organiser) -> None:
    """A partner imports only its own organisation's calendar (the access rule for editing)."""
    if actor is None or access.is_team(actor):
        return
    if not access.is_partner(actor) or organiser is None or organiser.pk != actor.organisation_id:
        raise PermissionDenied(
            _("Partners import only activities their own organisation organises.")
        )


def _may_update(activity, *, user, subscription) -> bool:
    """Whether the import may change this existing activity with the same UID. A partner
    calendar changes its own activities, and adopts one of its organisation's that no calendar
    owns (imported by hand before the calendar was registered): the partner may edit those."""
    if subscription is not None:
        if activity.subscription_id is None:
            return activity.organiser_organisation_id == subscription.organisation_id
        return activity.subscription_id == subscription.pk
    if user is not None:
        return access.can_change(user, activity)
    return True  # the command line: the operator's own decision


def _conflict(event, subscription) -> str:
    """The conflict line names the event from the file only: the activity that holds the UID
    may be one the reader is not allowed to see."""
    if subscription is not None:
        problem = _("its UID is used by an activity that does not come from this calendar")
    else:
        problem = _("its UID is used by an activity of another organiser")
    return _("%(uid)s %(title)s (line %(line)s): not changed, %(problem)s") % {
        "uid": event.uid,
        "title": event.title,
        "line": event.line,
        "problem": problem,
    }


def sync_change_reason(subscription) -> str:
    """The audit trail's actor for what a partner calendar changed (no user made it)."""
    return f"{SYNC_REASON_PREFIX}{subscription}"


# The property of an event each activity field comes from, to name its line in a refusal.
FIELD_PROPERTIES = {
    "title_nl": "SUMMARY",
    "location": "LOCATION",
    "starts_at": "DTSTART",
    "ends_at": "DTEND",
    "timezone": "DTSTART",
    "rrule": "RRULE",
    "exception_dates": "EXDATE",
    "sequence": "SEQUENCE",
}


def _invalid(event, exc) -> IcsFormatError:
    """The model's refusal of an event, on the line of the first property it names."""
    errors = exc.message_dict
    names = [FIELD_PROPERTIES.get(field_name, field_name) for field_name in errors]
    lines = event.property_lines
    if "DTEND" in names and "DTEND" not in lines:
        names = ["DURATION" if name == "DTEND" else name for name in names]
    line = next((lines[name] for name in names if name in lines), event.line)
    problems = "; ".join(
        f"{name}: {' '.join(messages)}"
        for name, messages in zip(names, errors.values(), strict=True)
    )
    return IcsFormatError(
        line,
        _("the event %(uid)s is not valid: %(problems)s")
        % {"uid": event.uid, "problems": problems},
    )


def _validate(activity, event) -> None:
    from django.core.exceptions import ValidationError

    try:
        # The UID is known to be new (looked up above); skip the per-row uniqueness queries.
        activity.full_clean(validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        raise _invalid(event, exc) from exc


def _save(activity, user, event, *, expected_version, change_reason="") -> None:
    from django.core.exceptions import ValidationError

    try:
        save_activity(
            activity=activity,
            user=user,
            expected_version=expected_version,
            change_reason=change_reason,
        )
    except ValidationError as exc:
        raise _invalid(event, exc) from exc


def sync_subscription(subscription, *, fetch=None) -> IcsReport:
    """Pull one partner calendar: upsert its events by UID and cancel its own activities that
    disappeared from it (kept, so subscribed calendar programs remove them). Another
    organiser's activity with a UID from the feed is never touched: a conflict in the report.
    Records the time and any error or conflict on the subscription."""
    from django.utils import timezone

    fetch = fetch or _fetch
    try:
        events = parse_ics(fetch(subscription.url))
        plan = plan_events(  # checked before the write lock is taken
            events,
            organiser=subscription.organisation,
            visibility=subscription.visibility,
            subscription=subscription,
        )
        with transaction.atomic():
            write_events(plan)
            report = plan.report
            present = {event.uid for event in events}
            # Compared here, not in one ``exclude(uid__in=...)``: a feed's UIDs can outnumber
            # the variables one SQL query may have.
            gone = [
                pk
                for pk, uid in subscription.activities.exclude(
                    status=ActivityStatus.CANCELLED
                ).values_list("pk", "uid")
                if uid not in present
            ]
            for chunk in _chunks(gone):
                for activity in Activity.objects.filter(pk__in=chunk).order_by("pk"):
                    activity.status = ActivityStatus.CANCELLED
                    with refused_when_changed_meanwhile(
                        lambda message, uid=activity.uid: ValueError(f"{uid}: {message}")
                    ):
                        save_activity(
                            activity=activity,
                            user=None,
                            expected_version=activity.version,
                            change_reason=sync_change_reason(subscription),
                        )
                    report.updated.append(
                        f"{activity.uid} {activity.title_nl} (cancelled: gone from the feed)"
                    )
    except (IcsFormatError, OSError, ValueError) as exc:
        subscription.last_error = str(exc)[:2000]
        subscription.last_synced_at = timezone.now()
        subscription.save(update_fields=["last_error", "last_synced_at"])
        raise
    # The conflicts stay visible to the administrators beside the calendar until a sync has none.
    subscription.last_error = "\n".join(report.conflicts)[:2000]
    subscription.last_synced_at = timezone.now()
    subscription.save(update_fields=["last_error", "last_synced_at"])
    return report


def _fetch(url: str) -> str:
    """A partner calendar comes from its address on the public internet, whatever the address
    looks like: never from a file on this server (``read_source`` would read a path)."""
    from kennisstad.core.http_fetch import fetch_url
    from kennisstad.core.text_input import decode_text

    return decode_text(fetch_url(url, max_bytes=MAX_CALENDAR_BYTES), max_bytes=MAX_CALENDAR_BYTES)


def index_created(activities) -> None:
    """Bulk inserts send no save signals: tell who keeps derived data (search) about them."""
    ids = [activity.pk for activity in activities if activity.pk]
    records_bulk_created.send(sender=Activity, pks=ids)
