"""Calendars from other programs: export then import into an empty database recreates the same
activities; known UIDs update; a malformed file is refused with its line and nothing written."""

import datetime
import io
import zoneinfo

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from kennisstad.agenda.ics_import import IcsFormatError, import_events, parse_ics
from kennisstad.agenda.models import Activity
from kennisstad.agenda.tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db
AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")

FIELDS = (
    "uid",
    "starts_at",
    "ends_at",
    "all_day",
    "timezone",
    "rrule",
    "exception_dates",
    "status",
    "title_nl",
)


def snapshot() -> list[tuple]:
    return sorted(tuple(getattr(a, name) for name in FIELDS) for a in Activity.objects.all())


def make_calendar():
    ActivityFactory(
        title_nl="Teamoverleg",
        visibility="public",
        starts_at=datetime.datetime(2027, 1, 4, 9, tzinfo=AMSTERDAM),
        ends_at=datetime.datetime(2027, 1, 4, 10, tzinfo=AMSTERDAM),
        rrule="FREQ=WEEKLY;COUNT=10;BYDAY=MO",
        exception_dates=["2027-01-18"],
    )
    ActivityFactory(
        title_nl="Missie Shanghai",
        visibility="public",
        timezone="Asia/Shanghai",
        starts_at=datetime.datetime(2027, 4, 2, 14, tzinfo=SHANGHAI),
        ends_at=datetime.datetime(2027, 4, 2, 16, tzinfo=SHANGHAI),
    )
    ActivityFactory(
        title_nl="Week van de Regio's",
        visibility="public",
        all_day=True,
        starts_at=datetime.datetime(2027, 10, 11, tzinfo=AMSTERDAM),
        ends_at=datetime.datetime(2027, 10, 14, tzinfo=AMSTERDAM),
    )
    ActivityFactory(title_nl="Afgelaste receptie", visibility="public", status="cancelled")


def test_export_then_import_into_an_empty_database_recreates_the_activities():
    make_calendar()
    before = snapshot()
    feed = Client().get("/agenda/public.ics").content.decode()
    Activity.objects.all().delete()
    events = parse_ics(feed)
    report = import_events(events)
    assert len(report.created) == 4
    assert snapshot() == before


def test_a_known_uid_updates_instead_of_duplicating():
    make_calendar()
    feed = Client().get("/agenda/public.ics").content.decode()
    changed = feed.replace("SUMMARY:Missie Shanghai", "SUMMARY:Handelsmissie Shanghai")
    report = import_events(parse_ics(changed))
    assert Activity.objects.count() == 4
    assert len(report.changed) == 1 and len(report.unchanged) == 3
    mission = Activity.objects.get(title_nl="Handelsmissie Shanghai")
    assert mission.sequence == 1


MALFORMED = (
    "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:a@example\nDTSTART:20270101T100000Z\n"
    "this is not a line\nEND:VEVENT\nEND:VCALENDAR\n"
)


@pytest.mark.parametrize(
    ("text", "line"),
    [
        (MALFORMED, 6),
        ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:x\nDTSTART:20270101T100000Z\nEND:VCALENDAR\n", 5),
        ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20270101T100000Z\nEND:VEVENT\nEND:VCALENDAR\n", 2),
        ("Onderwerp: vergadering\n", 1),
    ],
)
def test_a_malformed_file_is_refused_with_its_line(text, line):
    with pytest.raises(IcsFormatError) as caught:
        parse_ics(text)
    assert caught.value.line == line


def test_the_command_refuses_a_malformed_file_and_writes_nothing(tmp_path):
    make_calendar()
    before = snapshot()
    path = tmp_path / "partner.ics"
    path.write_text(MALFORMED)
    with pytest.raises(CommandError, match="regel 6"):
        call_command("import-ics", str(path))
    assert snapshot() == before


def test_the_command_imports_a_partner_calendar_for_its_organiser(tmp_path, partner_organisation):
    path = tmp_path / "rug.ics"
    path.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//RUG//NL\r\nBEGIN:VEVENT\r\nUID:rug-1@rug.nl\r\n"
        "DTSTART;TZID=Europe/Amsterdam:20270301T100000\r\nDTEND;TZID=Europe/Amsterdam:20270301T120000\r\n"
        "SUMMARY:Gastcollege\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    out = io.StringIO()
    call_command(
        "import-ics", str(path), organiser=partner_organisation.name, dry_run=True, stdout=out
    )
    assert "Proefrun" in out.getvalue() and not Activity.objects.exists()
    call_command("import-ics", str(path), organiser=partner_organisation.name, stdout=io.StringIO())
    activity = Activity.objects.get(uid="rug-1@rug.nl")
    assert activity.organiser_organisation == partner_organisation
    assert activity.starts_at == datetime.datetime(2027, 3, 1, 10, tzinfo=AMSTERDAM)


def test_the_upload_form_dry_runs_imports_and_reports_line_errors(client_for, team_member, reader):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    make_calendar()
    feed = Client().get("/agenda/public.ics").content
    Activity.objects.all().delete()
    web = client_for(team_member)
    url = reverse("agenda:ics-import")
    dry = web.post(
        url, {"file": SimpleUploadedFile("a.ics", feed), "visibility": "public", "dry_run": "on"}
    )
    assert dry.context["report"].dry_run and not Activity.objects.exists()
    done = web.post(url, {"file": SimpleUploadedFile("a.ics", feed), "visibility": "public"})
    assert len(done.context["report"].created) == 4 and Activity.objects.count() == 4
    broken = web.post(
        url, {"file": SimpleUploadedFile("b.ics", MALFORMED.encode()), "visibility": "public"}
    )
    assert [problem.line for problem in broken.context["refused"].problems] == [6]
    assert client_for(reader).get(url).status_code == 403


def test_a_uid_repeated_in_one_file_is_one_activity_with_the_later_values():
    text = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n"
        "BEGIN:VEVENT\r\nUID:dup@x\r\nDTSTART:20270301T100000Z\r\nDTEND:20270301T110000Z\r\n"
        "SUMMARY:Eerste\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:dup@x\r\nDTSTART:20270302T100000Z\r\nDTEND:20270302T110000Z\r\n"
        "SUMMARY:Tweede\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:dup@x\r\nRECURRENCE-ID:20270302T100000Z\r\nDTSTART:20270303T100000Z\r\n"
        "DTEND:20270303T110000Z\r\nSUMMARY:Verzet\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    import_events(parse_ics(text))
    activity = Activity.objects.get(uid="dup@x")
    assert activity.title_nl == "Tweede"
    assert activity.history.count() == 1  # created once, with its audit row


def test_unread_properties_and_their_folded_lines_are_ignored():
    text = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n"
        "BEGIN:VEVENT\r\nUID:fold@x\r\nDTSTART:20270301T100000Z\r\nDTEND:20270301T110000Z\r\n"
        "X-ALT-DESC;FMTTYPE=text/html:<p>Opening van het \r\n academisch jaar</p>\r\n"
        "DESCRIPTION:Opening van het academisch jaar met de burgemeester en de rec\r\n"
        " tor magnificus\r\nSUMMARY:Opening\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    (event,) = parse_ics(text)
    assert event.title == "Opening"
    assert event.description == (
        "Opening van het academisch jaar met de burgemeester en de rector magnificus"
    )


def test_a_line_folded_inside_its_name_or_parameters_is_read():
    """Folding may split a line anywhere (a long TZID does); the fold is not a bad line."""
    text = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n"
        "BEGIN:VEVENT\r\nUID:fold@x\r\nDTSTART;TZID=Asia/\r\n Shanghai:20270301T100000\r\n"
        "DTE\r\n ND;TZID=Asia/Shanghai:20270301T110000\r\nSUMMARY:Opening\r\nEND:VEVENT\r\n"
        "END:VCALENDAR\r\n"
    )
    (event,) = parse_ics(text)
    assert (event.timezone, event.starts_at.hour, event.ends_at.hour) == ("Asia/Shanghai", 10, 11)
