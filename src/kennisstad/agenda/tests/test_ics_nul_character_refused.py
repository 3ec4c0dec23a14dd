"""A calendar with a NUL character (a broken export, a hostile partner) is refused naming the
line, on the upload page and in a partner calendar's sync: PostgreSQL cannot store NUL in text,
so letting it through answered 500 and stopped the sync."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kennisstad.agenda.ics_import import IcsFormatError, parse_ics, sync_subscription
from kennisstad.agenda.models import Activity
from kennisstad.agenda.tests.factories import CalendarSubscriptionFactory

pytestmark = pytest.mark.django_db

CALENDAR = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Partner//NL\r\n"
    "BEGIN:VEVENT\r\nUID:a@partner.nl\r\nDTSTART:20270405T080000Z\r\n"
    "DTEND:20270405T090000Z\r\nSUMMARY:Gast\x00college\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)


def test_the_parser_refuses_the_line_with_the_nul():
    with pytest.raises(IcsFormatError) as refused:
        parse_ics(CALENDAR)
    assert refused.value.line == 8
    assert "NUL" in refused.value.message


def test_the_upload_page_shows_the_refusal(client_for, team_member):
    upload = SimpleUploadedFile("partner.ics", CALENDAR.encode())
    response = client_for(team_member).post(
        reverse("agenda:ics-import"), {"file": upload, "visibility": "partners"}
    )
    assert response.status_code == 200
    # Refused where every text upload is read (core.text_input), naming the line.
    (error,) = response.context["form"].errors["file"]
    assert "8" in error and "NUL" in error
    assert not Activity.objects.exists()


def test_a_partner_calendar_with_a_nul_is_refused_and_recorded():
    feed = CalendarSubscriptionFactory()
    with pytest.raises(IcsFormatError):
        sync_subscription(feed, fetch=lambda url: CALENDAR)
    feed.refresh_from_db()
    assert "NUL" in feed.last_error
    assert not Activity.objects.exists()
