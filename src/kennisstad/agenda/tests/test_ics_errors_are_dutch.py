"""A calendar file the import refuses gets its reason in the interface's language (Dutch by
default), not in English."""

import html

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

pytestmark = pytest.mark.django_db

EVENT = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\n{body}END:VEVENT\r\nEND:VCALENDAR\r\n"


@pytest.mark.parametrize(
    ("calendar", "dutch"),
    [
        ("Dit is geen agenda\r\n", "regel 1: geen iCalendar-regel (NAAM:waarde)"),
        ("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n", "wordt nergens afgesloten"),
        ("BEGIN:VEVENT\r\nEND:VEVENT\r\n", "het bestand begint niet met BEGIN:VCALENDAR"),
        (EVENT.format(body="DTSTART:20300101T100000Z\r\n"), "de afspraak heeft geen UID"),
        (EVENT.format(body="UID:a@b\r\n"), "de afspraak a@b heeft geen DTSTART"),
        (
            EVENT.format(body="UID:a@b\r\nDTSTART:20300101T100000Z\r\nDTEND:20290101T100000Z\r\n"),
            "de afspraak eindigt voordat hij begint",
        ),
    ],
)
def test_a_refused_calendar_is_explained_in_dutch(client_for, team_member, calendar, dutch):
    response = client_for(team_member).post(
        "/agenda/import/",
        {
            "file": SimpleUploadedFile("agenda.ics", calendar.encode()),
            "visibility": "partners",
            "dry_run": "on",
        },
    )
    assert response.status_code == 200
    assert dutch in html.unescape(response.content.decode())
