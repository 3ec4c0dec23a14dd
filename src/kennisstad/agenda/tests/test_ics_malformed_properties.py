"""A calendar with a property that cannot be read or makes no sense (SEQUENCE:abc, a date-only
end to a timed start, DTSTART:notadate, DURATION:PXYZ or P9999999D, EXDATE or RECURRENCE-ID
garbage, the year 9999, an unknown time zone, a property given twice) is refused naming the
line and the property, through the importer, the upload form and the command; nothing is
written and nothing answers 500."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from kennisstad.agenda.ics_import import IcsFormatError, import_events, parse_ics
from kennisstad.agenda.models import Activity

pytestmark = pytest.mark.django_db

HEAD = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Partner//NL\r\n"
GOOD_EVENT = (
    "BEGIN:VEVENT\r\nUID:good@partner.nl\r\nDTSTART:20270405T080000Z\r\n"
    "DTEND:20270405T090000Z\r\nSUMMARY:Goed\r\nEND:VEVENT\r\n"
)


def calendar(*properties: str, start: str = "DTSTART:20270412T070000Z") -> str:
    """A good event, then one with ``properties``: its DTSTART is on line 13, the first of
    ``properties`` on line 14."""
    body = "\r\n".join([start, *properties])
    return (
        f"{HEAD}{GOOD_EVENT}BEGIN:VEVENT\r\nUID:bad@partner.nl\r\nSUMMARY:Slecht\r\n"
        f"{body}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )


CASES = [
    (calendar("SEQUENCE:abc"), 14, "SEQUENCE"),
    (calendar("SEQUENCE:99999999999"), 14, "SEQUENCE"),
    (calendar("DTEND;VALUE=DATE:20270413"), 14, "DTEND"),
    (calendar("DTEND:20270413T100000Z", start="DTSTART;VALUE=DATE:20270412"), 14, "DTEND"),
    (calendar(start="DTSTART:notadate"), 13, "DTSTART"),
    (calendar(start="DTSTART;VALUE=DATE:99991231"), 13, "DTSTART"),
    (calendar(start="DTSTART;VALUE=DATE:00010101"), 13, "DTSTART"),
    (calendar(start="DTSTART;VALUE=PERIOD:20270412T070000Z/PT1H"), 13, "DTSTART"),
    (calendar(start="DTSTART;TZID=Mars/Olympus:20270412T090000"), 13, "DTSTART"),
    (calendar("DURATION:PXYZ"), 14, "DURATION"),
    (calendar("DURATION:P9999999D"), 14, "DURATION"),
    (calendar("DURATION:P999999W"), 14, "DURATION"),
    (calendar("RRULE:FREQ=WEEKLY", "EXDATE:garbage"), 15, "EXDATE"),
    (calendar("RRULE:FREQ=WEEKLY", "EXDATE:99990101T000000Z"), 15, "EXDATE"),
    (calendar("RRULE:FREQ=WEEKLY", "EXDATE;VALUE=PERIOD:20270419T070000Z/PT1H"), 15, "EXDATE"),
    (calendar("RECURRENCE-ID:garbage"), 14, "RECURRENCE-ID"),
    (calendar("RRULE:garbage"), 14, "RRULE"),
    (calendar("RRULE:FREQ=WEEKLY;COUNT=abc"), 14, "RRULE"),
    (calendar("DTEND:20270411T070000Z"), 14, "DTEND"),
    (calendar("DTSTART:20270413T070000Z"), 14, "DTSTART"),
    (calendar("DTEND:20270412T080000Z", "DURATION:PT1H"), 15, "DURATION"),
]


@pytest.mark.parametrize(("text", "line", "name"), CASES)
def test_the_importer_refuses_naming_line_and_property(text, line, name):
    with pytest.raises(IcsFormatError) as refused:
        import_events(parse_ics(text))
    assert refused.value.line == line
    assert name in refused.value.message
    assert not Activity.objects.exists()


def test_the_upload_form_shows_the_refusal(client_for, team_member):
    web = client_for(team_member)
    for text, line, name in CASES:
        upload = SimpleUploadedFile("partner.ics", text.encode())
        response = web.post(
            reverse("agenda:ics-import"), {"file": upload, "visibility": "partners"}
        )
        assert response.status_code == 200
        error = str(response.context["refused"])
        assert f"{line}" in error and name in error
    assert not Activity.objects.exists()


def test_the_command_refuses_naming_the_line(tmp_path):
    path = tmp_path / "partner.ics"
    path.write_text(calendar("DURATION:P9999999D"))
    with pytest.raises(CommandError, match="regel 14"):
        call_command("import-ics", str(path), stdout=io.StringIO())
    assert not Activity.objects.exists()
