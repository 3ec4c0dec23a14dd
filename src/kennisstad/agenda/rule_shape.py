"""The shape of a recurrence rule (RRULE): which parts and values the calendar accepts,
judged on the text alone, without computing a date. ``recurrence`` adds the checks that need
dates and does the expansion."""

import datetime
import re

from django.conf import settings
from django.utils.translation import gettext as _

# Coarsest first: a frequency is finer than another when its index is higher.
FREQUENCIES = ["YEARLY", "MONTHLY", "WEEKLY", "DAILY", "HOURLY", "MINUTELY", "SECONDLY"]
WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
SUPPORTED_PARTS = {
    "FREQ",
    "INTERVAL",
    "COUNT",
    "UNTIL",
    "BYDAY",
    "BYMONTHDAY",
    "BYMONTH",
    "BYSETPOS",
    "WKST",
    "BYYEARDAY",
    "BYWEEKNO",
}
# The allowed absolute values of the numeric BY parts and whether they may count from the end.
NUMBER_RANGES = {
    "BYMONTH": (12, False),
    "BYMONTHDAY": (31, True),
    "BYYEARDAY": (366, True),
    "BYWEEKNO": (53, True),
    "BYSETPOS": (366, True),
}
# RFC 5545 3.3.10: the frequencies a BY part may be used with.
ONLY_WITH = {
    "BYWEEKNO": {"YEARLY"},
    "BYYEARDAY": {"YEARLY", "HOURLY", "MINUTELY", "SECONDLY"},
    "BYMONTHDAY": set(FREQUENCIES) - {"WEEKLY"},
}
MAX_INTERVAL = 1000
UNTIL_FORMAT = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$")
BYDAY_FORMAT = re.compile(r"^([+-]?\d{1,2})?([A-Z]{2})$")


def finest_frequency() -> str:
    return settings.FINEST_RECURRENCE


def parse_parts(text: str) -> dict[str, str]:
    """``NAME=value`` pairs of a normalised rule; ValueError when it has no such shape."""
    parts: dict[str, str] = {}
    for part in text.split(";"):
        name, equals, value = part.partition("=")
        if not equals or not name or not value or name in parts:
            raise ValueError(part)
        parts[name] = value
    return parts


def shape_problem(parts: dict[str, str], *, stored: bool = False) -> str | None:
    """What is wrong with the rule's parts themselves (no dates computed), or None. A ``stored``
    rule is judged on its shape only: a frequency or COUNT the settings no longer allow is still
    expanded, within the limits."""
    unsupported = sorted(set(parts) - SUPPORTED_PARTS)
    if unsupported:
        return _(
            "%(parts)s cannot be used; an activity repeats at most once a day "
            "(FREQ, INTERVAL, COUNT, UNTIL, BYDAY, BYMONTHDAY, BYMONTH, BYYEARDAY, BYWEEKNO, "
            "BYSETPOS and WKST can)."
        ) % {"parts": ", ".join(unsupported)}
    return (
        _frequency_problem(parts, stored=stored)
        or _count_problem(parts, stored=stored)
        or _by_part_problem(parts)
        or _byday_problem(parts)
    )


def _frequency_problem(parts: dict[str, str], *, stored: bool) -> str | None:
    frequency = parts.get("FREQ", "")
    if frequency not in FREQUENCIES:
        return _("FREQ must be one of DAILY, WEEKLY, MONTHLY or YEARLY.")
    finest = finest_frequency()
    if not stored and FREQUENCIES.index(frequency) > FREQUENCIES.index(finest):
        return _("Activities repeat at most %(finest)s; FREQ=%(frequency)s is not allowed.") % {
            "finest": finest,
            "frequency": frequency,
        }
    if not _whole_number_within(parts.get("INTERVAL", "1"), 1, MAX_INTERVAL):
        return _("INTERVAL must be a whole number from 1 to %(max)s.") % {"max": MAX_INTERVAL}
    if parts.get("WKST", "MO") not in WEEKDAYS:
        return _("WKST must be a day such as MO.")
    return None


def _count_problem(parts: dict[str, str], *, stored: bool) -> str | None:
    if "COUNT" in parts and "UNTIL" in parts:
        return _("Give COUNT or UNTIL, not both.")
    maximum = settings.MAX_RECURRENCE_COUNT
    if "COUNT" in parts and not _whole_number_within(
        parts["COUNT"], 1, 10**6 if stored else maximum
    ):
        return _("COUNT must be a whole number from 1 to %(max)s.") % {"max": maximum}
    if "UNTIL" in parts and until_moment(parts["UNTIL"], datetime.UTC) is None:
        return _("UNTIL must be a date (YYYYMMDD) or a time in UTC (YYYYMMDDTHHMMSSZ).")
    return None


def _by_part_problem(parts: dict[str, str]) -> str | None:
    """The numeric BY parts: in range, with a frequency RFC 5545 allows, BYSETPOS with company."""
    frequency = parts["FREQ"]
    for name, (highest, from_end) in NUMBER_RANGES.items():
        for value in parts[name].split(",") if name in parts else ():
            if not _whole_number_within(value, -highest if from_end else 1, highest, zero=False):
                return _("%(name)s=%(value)s is out of range.") % {"name": name, "value": value}
    for name, frequencies in ONLY_WITH.items():
        if name in parts and frequency not in frequencies:
            return _("%(name)s cannot be used with FREQ=%(frequency)s.") % {
                "name": name,
                "frequency": frequency,
            }
    others = {"BYDAY", "BYMONTHDAY", "BYMONTH", "BYYEARDAY", "BYWEEKNO"}
    if "BYSETPOS" in parts and not set(parts) & others:
        return _("BYSETPOS needs another BY part (for example BYDAY) to choose from.")
    return None


def _byday_problem(parts: dict[str, str]) -> str | None:
    frequency = parts["FREQ"]
    for value in parts["BYDAY"].split(",") if "BYDAY" in parts else ():
        match = BYDAY_FORMAT.match(value)
        ordinal = int(match.group(1)) if match and match.group(1) else None
        if not match or match.group(2) not in WEEKDAYS or ordinal == 0:
            return _("BYDAY=%(value)s is not a day such as MO, 2TU or -1FR.") % {"value": value}
        if ordinal is not None and (
            frequency not in {"MONTHLY", "YEARLY"}
            or abs(ordinal) > (5 if frequency == "MONTHLY" or "BYMONTH" in parts else 53)
            or "BYWEEKNO" in parts
        ):
            return _("BYDAY=%(value)s cannot be used with this rule.") % {"value": value}
    return None


def _whole_number_within(text: str, lowest: int, highest: int, *, zero: bool = True) -> bool:
    if not re.fullmatch(r"[+-]?\d{1,6}", text):
        return False
    number = int(text)
    return lowest <= number <= highest and (zero or number != 0)


def until_moment(value: str, zone) -> datetime.datetime | None:
    """UNTIL as an aware moment: a UTC time as it is, a date as the end of that day and a
    floating time as that time, both in the activity's own zone. None when not a real time."""
    match = UNTIL_FORMAT.match(value)
    if not match:
        return None
    year, month, day, hour, minute, second, utc = match.groups()
    try:
        if hour is None:
            moment = datetime.datetime(int(year), int(month), int(day), 23, 59, 59)
        else:
            moment = datetime.datetime(
                int(year), int(month), int(day), int(hour), int(minute), int(second)
            )
    except ValueError:
        return None
    return moment.replace(tzinfo=datetime.UTC if utc else zone)
