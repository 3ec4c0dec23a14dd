"""Outlook and Google write a moved or cancelled occurrence of a series as a second VEVENT
with RECURRENCE-ID. The import keeps the series, excludes that day from it, and shows a moved
occurrence at its new time; importing the file again changes nothing."""

import datetime
import zoneinfo

import pytest

from kennisstad.agenda.ics_import import import_events, parse_ics
from kennisstad.agenda.models import Activity
from kennisstad.agenda.selectors import occurrences_between

pytestmark = pytest.mark.django_db
AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")

SERIES = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Outlook//EN\r\n"
    "BEGIN:VEVENT\r\nUID:overleg@rug.nl\r\n"
    "DTSTART;TZID=Europe/Amsterdam:20270301T100000\r\n"
    "DTEND;TZID=Europe/Amsterdam:20270301T110000\r\n"
    "RRULE:FREQ=WEEKLY;COUNT=4\r\nSUMMARY:Overleg Kennisstad\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:overleg@rug.nl\r\n"
    "RECURRENCE-ID;TZID=Europe/Amsterdam:20270308T100000\r\n"
    "DTSTART;TZID=Europe/Amsterdam:20270309T140000\r\n"
    "DTEND;TZID=Europe/Amsterdam:20270309T150000\r\n"
    "SUMMARY:Overleg Kennisstad (verzet)\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:overleg@rug.nl\r\n"
    "RECURRENCE-ID;TZID=Europe/Amsterdam:20270315T100000\r\n"
    "DTSTART;TZID=Europe/Amsterdam:20270315T100000\r\n"
    "DTEND;TZID=Europe/Amsterdam:20270315T110000\r\n"
    "STATUS:CANCELLED\r\nSUMMARY:Overleg Kennisstad\r\nEND:VEVENT\r\n"
    "END:VCALENDAR\r\n"
)


def test_moved_and_cancelled_occurrences_are_exceptions_of_the_series(team_member):
    report = import_events(parse_ics(SERIES), visibility="internal")
    assert len(report.created) == 2
    series = Activity.objects.get(uid="overleg@rug.nl")
    assert series.exception_dates == ["2027-03-08", "2027-03-15"]
    moved = Activity.objects.get(uid="overleg@rug.nl#20270308T100000")
    assert moved.title_nl == "Overleg Kennisstad (verzet)" and moved.rrule == ""
    assert moved.starts_at == datetime.datetime(2027, 3, 9, 14, tzinfo=AMSTERDAM)

    shown = occurrences_between(
        user=team_member,
        start=datetime.datetime(2027, 3, 1, tzinfo=AMSTERDAM),
        end=datetime.datetime(2027, 4, 1, tzinfo=AMSTERDAM),
    )
    assert [item["starts_at"].astimezone(AMSTERDAM).strftime("%d %H") for item in shown] == [
        "01 10",
        "09 14",
        "22 10",
    ]


def test_importing_the_same_file_again_changes_nothing():
    import_events(parse_ics(SERIES))
    again = import_events(parse_ics(SERIES))
    assert again.created == [] and again.changed == [] and len(again.unchanged) == 2
