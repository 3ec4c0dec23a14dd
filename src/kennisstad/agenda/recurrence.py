"""Recurrence rules (iCalendar RRULE): which ones the calendar accepts, and expansion that stays
cheap whatever is stored.

Every way in (form, API, .ics upload, partner feed) goes through ``Activity.clean``, which calls
``check_rule``: a frequency no finer than ``settings.FINEST_RECURRENCE``, an INTERVAL of at least
one, at most ``settings.MAX_RECURRENCE_COUNT`` occurrences for COUNT, no repetition within a day
(BYHOUR, BYMINUTE, BYSECOND), and at least one date in the first years. A rule without an end is
fine when it repeats at most daily: a weekly meeting with no end date is ordinary.

Stored rules are expanded only by ``occurrences``: it starts at the period before the window
instead of at the rule's first date, stops at the end of the window's year even when the rule
never matches, and gives at most ``limit`` dates, so a rule stored before these checks (or by raw
SQL) costs a few milliseconds per view at most.
"""

import datetime
import functools
import types
from itertools import islice

import dateutil.rrule
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .rule_shape import (
    FREQUENCIES,
    WEEKDAYS,
    parse_parts,
    shape_problem,
    until_moment,
)

# A rule must give its first date within this many years of the start.
FIRST_OCCURRENCE_YEARS = 10
# A counted series stored without its end is expanded over this many years after its start.
UNKNOWN_END_YEARS = 2
# A counted series not finished this many years after its start is treated as running on.
SERIES_END_HORIZON_YEARS = 50
# Per view, for rules stored unchecked (that fail ``publishable``): dates given for one series
# (a daily rule over events.json's longest window, 62 days 23 hours, plus one started before it)
# and for all such series of one request together, and the processor time one request may
# spend expanding them. Rules accepted today are validated and repeat at most daily: they are
# bounded by ``series_limit`` alone, so an ordinary series is never left out.
MAX_OCCURRENCES_PER_SERIES = 64
MAX_OCCURRENCES_PER_REQUEST = 500
MAX_EXPANSION_SECONDS = 0.01


def series_limit(window_start: datetime.datetime, window_end: datetime.datetime) -> int:
    """The dates one series may give in a window: a daily series fills it, whatever its length
    (an inclusive end, and a day of 23 hours when summer time starts)."""
    return (window_end - window_start).days + 2


def _rule(parts: dict[str, str], local_start: datetime.datetime):
    """The dateutil rule for parts that passed ``shape_problem``."""
    text = ";".join(f"{name}={value}" for name, value in parts.items() if name != "UNTIL")
    rule = dateutil.rrule.rrulestr(text, dtstart=local_start)
    if "UNTIL" in parts:
        rule = rule.replace(until=until_moment(parts["UNTIL"], local_start.tzinfo))
    return rule


@functools.lru_cache(maxsize=64)
def _iteration_ending_after(last_year: int):
    """dateutil's own rrule iteration, ending after ``last_year`` instead of the year 9999.

    dateutil stops a rule only when a date passes UNTIL or the year passes ``datetime.MAXYEAR``:
    a rule whose parts never match (BYMONTH=2;BYMONTHDAY=30) searches on to the year 9999, which
    takes seconds. This is the same code with MAXYEAR lowered in a copy of its globals; nothing
    shared is changed. ``test_recurrence_expansion_is_bounded`` checks the library still reads
    MAXYEAR there."""
    iterate = dateutil.rrule.rrule._iter
    namespace = dict(iterate.__globals__)
    namespace["datetime"] = types.SimpleNamespace(
        date=datetime.date, datetime=datetime.datetime, MAXYEAR=min(last_year, datetime.MAXYEAR)
    )
    return types.FunctionType(
        iterate.__code__, namespace, iterate.__name__, iterate.__defaults__, iterate.__closure__
    )


def _dates(rule, last_year: int):
    return _iteration_ending_after(last_year)(rule)


def check_rule(text: str, *, starts_at: datetime.datetime | None, zone) -> None:
    """Refuse a rule (normalised text) the calendar cannot afford or that gives no date, with a
    message for the ``rrule`` field."""
    try:
        parts = parse_parts(text)
    except ValueError:
        raise ValidationError(
            _("This is not a valid recurrence rule (example: FREQ=WEEKLY;BYDAY=MO;COUNT=10).")
        ) from None
    problem = shape_problem(parts)
    if problem:
        raise ValidationError(problem)
    if starts_at is None:
        return
    local_start = starts_at.astimezone(zone)
    try:
        rule = _rule(parts, local_start)
        first = next(_dates(rule, local_start.year + FIRST_OCCURRENCE_YEARS), None)
    except (ValueError, TypeError, OverflowError):
        raise ValidationError(
            _("This is not a valid recurrence rule (example: FREQ=WEEKLY;BYDAY=MO;COUNT=10).")
        ) from None
    if first is None:
        raise ValidationError(
            _(
                "This rule gives no date in the %(years)s years after the start (for example "
                "BYMONTH=2 with BYMONTHDAY=30, or an UNTIL before the start)."
            )
            % {"years": FIRST_OCCURRENCE_YEARS}
        )
    if "COUNT" in parts and _series_end(rule, parts, local_start, zone) is None:
        raise ValidationError(
            _("This series does not end within %(years)s years; give a smaller COUNT.")
            % {"years": SERIES_END_HORIZON_YEARS}
        )
    if FREQUENCIES.index(parts["FREQ"]) > FREQUENCIES.index("DAILY"):
        # More than one a day (only where the municipality allows it): the series must end.
        maximum = settings.MAX_RECURRENCE_COUNT
        if "UNTIL" in parts:
            until_year = until_moment(parts["UNTIL"], zone).year
            counted = sum(1 for _ in islice(_dates(rule, until_year), maximum + 1))
            if counted > maximum:
                raise ValidationError(
                    _("This rule gives more than %(max)s dates; end it earlier.") % {"max": maximum}
                )
        elif "COUNT" not in parts:
            raise ValidationError(
                _("A rule that repeats more than daily needs COUNT or UNTIL."),
            )


def publishable(text: str) -> bool:
    """Whether a stored rule goes into a feed as it is: only one the calendar accepts today,
    since a subscriber's calendar program cannot be capped as our views are (the activity is
    then published on its first date only)."""
    try:
        return shape_problem(parse_parts(text)) is None
    except ValueError:
        return False


def _usable(text: str, local_start):
    """The dateutil rule and parts of a stored rule, or None when it would be refused today
    for its shape (it is then shown on its own first date only)."""
    try:
        parts = parse_parts(text)
        if shape_problem(parts, stored=True):
            return None
        return _rule(parts, local_start), parts
    except (ValueError, TypeError, OverflowError):
        return None


def occurrences(
    text: str,
    *,
    starts_at: datetime.datetime,
    zone,
    window_start: datetime.datetime,
    window_end: datetime.datetime,
    last_start: datetime.datetime | None = None,
    limit: int = MAX_OCCURRENCES_PER_SERIES,
) -> list[datetime.datetime]:
    """The starts (in ``zone``) of the series' occurrences in [window_start, window_end], at most
    ``limit`` of them. ``last_start`` is where a counted series ends, when known (the stored
    ``recurs_until`` less the duration): the rule is then read as ending there, so that it too
    can be started at the period before the window instead of at its first date. The search
    ends with the window's year, so every stored rule costs about the same, however old or odd.
    """
    local_start = starts_at.astimezone(zone)
    usable = _usable(text, local_start)
    if usable is None:
        return [local_start] if window_start <= local_start <= window_end else []
    rule, parts = usable
    last_year = window_end.astimezone(zone).year
    if last_start is not None and last_start < window_start:
        return []
    if "COUNT" in parts and last_start is not None:
        # The end is known: read the rule as ending there, so it starts near the window too.
        rule = rule.replace(count=None, until=last_start)
        parts = {name: value for name, value in parts.items() if name != "COUNT"}
        last_year = min(last_year, last_start.astimezone(zone).year)
    if "COUNT" in parts:
        # A counted series whose end is unknown (stored without one): its first years only.
        last_year = min(last_year, local_start.year + UNKNOWN_END_YEARS)
        if last_year < window_start.astimezone(zone).year:
            return []
    else:
        rule = _fast_forward(rule, parts, local_start, window_start.astimezone(zone))
    found = []
    try:
        for moment in islice(_dates(rule, last_year), limit + settings.MAX_RECURRENCE_COUNT):
            if moment > window_end:
                break
            if moment >= window_start:
                found.append(moment)
                if len(found) >= limit:
                    break
    except (ValueError, TypeError, OverflowError, IndexError):
        pass  # dateutil gives up on some stored combinations: show what was found
    return found


def _fast_forward(rule, parts: dict[str, str], local_start, target):
    """The same rule started at the beginning of the last period (of its frequency and
    interval) that begins before ``target``, with the defaults dateutil takes from the first
    date made explicit, so its dates from then on are the original rule's."""
    frequency = parts["FREQ"]
    interval = int(parts.get("INTERVAL", "1"))
    naive_start, naive_target = local_start.replace(tzinfo=None), target.replace(tzinfo=None)
    if naive_target <= naive_start:
        return rule
    if frequency == "YEARLY":
        steps = (naive_target.year - naive_start.year) // interval
        begins = datetime.datetime(naive_start.year + steps * interval, 1, 1)
    elif frequency == "MONTHLY":
        months = (naive_target.year - naive_start.year) * 12 + naive_target.month
        steps = (months - naive_start.month) // interval
        index = naive_start.year * 12 + naive_start.month - 1 + steps * interval
        begins = datetime.datetime(index // 12, index % 12 + 1, 1)
    elif frequency == "WEEKLY":
        week_start = WEEKDAYS.index(parts.get("WKST", "MO"))

        def monday(day):  # the first day of the week holding ``day``, as WKST says
            return day.date() - datetime.timedelta(days=(day.weekday() - week_start) % 7)

        steps = (monday(naive_target) - monday(naive_start)).days // 7 // interval
        begins = datetime.datetime.combine(
            monday(naive_start) + datetime.timedelta(weeks=steps * interval), datetime.time()
        )
    else:
        unit = {"DAILY": 86400, "HOURLY": 3600, "MINUTELY": 60, "SECONDLY": 1}[frequency]
        elapsed = (naive_target - naive_start).total_seconds()
        steps = int(elapsed // (unit * interval))
        begins = naive_start + datetime.timedelta(seconds=steps * unit * interval)
    if steps < 1:
        return rule
    if frequency in {"YEARLY", "MONTHLY", "WEEKLY"}:
        begins = begins.replace(
            hour=naive_start.hour, minute=naive_start.minute, second=naive_start.second
        )
    defaults = {}
    if not set(parts) & {"BYWEEKNO", "BYYEARDAY", "BYMONTHDAY", "BYDAY"}:
        if frequency == "YEARLY":
            defaults = {"bymonthday": naive_start.day}
            if "BYMONTH" not in parts:
                defaults["bymonth"] = naive_start.month
        elif frequency == "MONTHLY":
            defaults = {"bymonthday": naive_start.day}
        elif frequency == "WEEKLY":
            defaults = {"byweekday": naive_start.weekday()}
    return rule.replace(dtstart=begins.replace(tzinfo=local_start.tzinfo), **defaults)


def last_occurrence_end(*, rrule: str, starts_at, ends_at, zone) -> datetime.datetime | None:
    """When the last occurrence of a recurring activity ends; None for a single activity, a
    rule without COUNT or UNTIL, or one that has not ended within the search horizon (all
    treated as running on)."""
    if not (rrule and starts_at and ends_at):
        return None
    local_start = starts_at.astimezone(zone)
    usable = _usable(rrule, local_start)
    if usable is None:
        return None
    last = _series_end(*usable, local_start, zone)
    return None if last is None else last + (ends_at - starts_at)


def _series_end(rule, parts: dict[str, str], local_start, zone) -> datetime.datetime | None:
    """The start of a series' last occurrence (its own start when it has none); None when it
    does not end, gives more dates than any rule accepted today, or has not ended within
    ``SERIES_END_HORIZON_YEARS``."""
    if not {"COUNT", "UNTIL"} & set(parts):
        return None
    horizon = local_start.year + SERIES_END_HORIZON_YEARS
    if "UNTIL" in parts:
        until_year = until_moment(parts["UNTIL"], zone).year
        if until_year > horizon:
            return None
        horizon = until_year
    budget = settings.MAX_RECURRENCE_COUNT + 1
    try:
        if next(_dates(rule, local_start.year + FIRST_OCCURRENCE_YEARS), None) is None:
            return local_start  # no date at all: cheaper to find out over the first years
        dates = list(islice(_dates(rule, horizon), budget))
    except (ValueError, TypeError, OverflowError, IndexError):
        return None
    if len(dates) >= budget or ("COUNT" in parts and len(dates) < int(parts["COUNT"])):
        return None
    return dates[-1]
