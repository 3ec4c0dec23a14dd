"""Fuzzing the .ics importer: calendars built from random and malformed property values (dates,
durations, rules, time zones, text, folded lines, nested and unknown components) either import
(a dry run) or are refused with ``IcsFormatError``; nothing else may escape, since anything else
is a 500 on the upload page or a stopped partner-feed sync. Derandomised, so CI is reproducible.
"""

import contextlib
import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kennisstad.agenda.ics_import import IcsFormatError, import_events, parse_ics

pytestmark = pytest.mark.django_db

NAMES = [
    "SUMMARY",
    "DESCRIPTION",
    "LOCATION",
    "DTEND",
    "RRULE",
    "EXDATE",
    "RDATE",
    "RECURRENCE-ID",
    "STATUS",
    "SEQUENCE",
    "DTSTAMP",
    "X-WR-TIMEZONE",
]
PARAMETERS = ["", ";VALUE=DATE", ";VALUE=DATE-TIME", ";VALUE=PERIOD", ";TZID=Europe/Amsterdam"]
PARAMETERS += [";TZID=Mars/Olympus", ";TZID=Custom", ";TZID=", ';TZID="A;B"', ";X=1;Y=2"]


def digits(count: int):
    return st.text("0123456789", min_size=count, max_size=count)


plausible_days = st.dates(
    min_value=datetime.date(1990, 1, 1), max_value=datetime.date(2040, 12, 31)
).map(lambda day: day.strftime("%Y%m%d"))
good_dates = st.one_of(
    plausible_days,
    st.builds(lambda day, hour: f"{day}T{hour:02}0000", plausible_days, st.integers(0, 23)),
    st.builds(lambda day, hour: f"{day}T{hour:02}3000Z", plausible_days, st.integers(0, 23)),
)
dates = st.one_of(
    *[good_dates] * 4,
    st.dates().map(lambda day: day.strftime("%Y%m%d").rjust(8, "0")),
    st.builds(lambda day, time: day + "T" + time + "Z", digits(8), digits(6)),
    st.sampled_from(["99991231", "00010101", "20270230", "notadate", "", "2027-04-12"]),
)
durations = st.one_of(
    st.builds(
        lambda sign, number, unit: f"{sign}P{number}{unit}",
        st.sampled_from(["", "-", "+"]),
        st.integers(min_value=0, max_value=10**9),
        st.sampled_from(["D", "W", "XYZ", ""]),
    ),
    st.builds(lambda hours: f"PT{hours}H", st.integers(min_value=0, max_value=10**8)),
    st.sampled_from(["PXYZ", "P", "PT", "P1DT", "P9999999D"]),
)
rule_parts = st.builds(
    lambda name, value: f"{name}={value}",
    st.sampled_from(
        [
            *("FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "BYMONTHDAY", "BYMONTH"),
            *("BYSETPOS", "BYHOUR", "BYMINUTE", "BYSECOND", "BYWEEKNO", "BYYEARDAY", "WKST"),
            "X-NAME",
        ]
    ),
    st.one_of(
        st.sampled_from(["SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY", "YEARLY"]),
        st.sampled_from(["MO", "-1FR", "5SU", "99MO", "XX", "0", "-0", "30", "2,30", "abc"]),
        st.integers(min_value=-400, max_value=10**7).map(str),
        dates,
    ),
)
rules = st.lists(rule_parts, max_size=6).map(";".join)
texts = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=30).filter(
    lambda text: "\r" not in text and "\n" not in text
)
values = st.one_of(dates, durations, rules, texts, st.integers().map(str))


def value_of(name: str):
    """Mostly what the property holds, sometimes anything at all."""
    typical = {
        "DTSTART": dates,
        "DTEND": dates,
        "RECURRENCE-ID": dates,
        "EXDATE": st.lists(dates, min_size=1, max_size=3).map(",".join),
        "RDATE": dates,
        "DURATION": durations,
        "RRULE": rules,
        "SEQUENCE": st.integers(min_value=-5, max_value=2**40).map(str),
    }.get(name, texts)
    return st.one_of(*[typical] * 8, values)


@st.composite
def properties(draw, name: str):
    parameters = draw(st.sampled_from(["", *PARAMETERS])) if draw(st.integers(0, 3)) == 3 else ""
    return f"{name}{parameters}:{draw(value_of(name))}"


@st.composite
def events(draw):
    uid = draw(st.sampled_from(["a@x", "b@x", "a@x#1", "c@x", ""])) if draw(st.booleans()) else ""
    lines = ["BEGIN:VEVENT", f"UID:{uid or 'event@x'}"]
    # Each property once, mostly (a property twice is refused on its own line, tested apart).
    # A start that reads, mostly: the other properties are what is fuzzed then.
    start = (
        f"DTSTART:{draw(good_dates)}" if draw(st.integers(0, 3)) else draw(properties("DTSTART"))
    )
    lines.append(start)
    names = draw(st.lists(st.sampled_from(NAMES), max_size=6, unique=True))
    if "DTEND" not in names and draw(st.booleans()):
        names.append("DURATION")
    if draw(st.integers(0, 9)) == 7:
        names.append(draw(st.sampled_from(["DTSTART", "UID", "DURATION", *NAMES])))
    lines += [draw(properties(name)) for name in names]
    if draw(st.booleans()):
        lines += ["BEGIN:VALARM", "TRIGGER:-PT15M", f"X-JUNK:{draw(texts)}", "END:VALARM"]
    lines.append("END:VEVENT")
    return lines


timezones = st.sampled_from(
    [
        *[[]] * 6,
        ["BEGIN:VTIMEZONE", "TZID:Custom", "END:VTIMEZONE"],
        [
            *("BEGIN:VTIMEZONE", "TZID:Custom", "BEGIN:STANDARD", "DTSTART:garbage"),
            *("TZOFFSETFROM:+0100", "TZOFFSETTO:xx", "END:STANDARD", "END:VTIMEZONE"),
        ],
        [
            *("BEGIN:VTIMEZONE", "TZID:Custom", "BEGIN:DAYLIGHT", "DTSTART:19700329T020000"),
            *("TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "RRULE:FREQ=SECONDLY"),
            *("END:DAYLIGHT", "END:VTIMEZONE"),
        ],
    ]
)


def fold(line: str, width: int) -> str:
    """RFC 5545 folding at ``width`` characters (a continuation starts with a space)."""
    if width >= len(line):
        return line
    return "\r\n ".join(line[i : i + width] for i in range(0, len(line), width))


@st.composite
def calendars(draw):
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Fuzz//NL"]
    lines += draw(timezones)
    for event in draw(st.lists(events(), min_size=1, max_size=3)):
        lines += event
    lines.append("END:VCALENDAR")
    width = draw(st.sampled_from([1000, 75, 7]))
    return "\r\n".join(fold(line, width) for line in lines) + "\r\n"


@settings(
    max_examples=200,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=calendars())
def test_a_calendar_imports_or_is_refused_by_the_importer(text):
    with contextlib.suppress(IcsFormatError):
        import_events(parse_ics(text), dry_run=True)
