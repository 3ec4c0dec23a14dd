"""Recurrence rules that would stop the server (a zero interval, every second, a rule that never
occurs, many dates a day) are refused on every way in, naming the rule: the API (400 on
``rrule``), the form, an .ics upload (naming the line and UID) and a partner feed; nothing is
written. Ordinary rules, including a weekly meeting without an end, are accepted."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kennisstad.agenda.ics_import import IcsFormatError, import_events, parse_ics, sync_subscription
from kennisstad.agenda.models import Activity, CalendarSubscription

pytestmark = pytest.mark.django_db

EVERY_MINUTE_OF_THE_DAY = (
    "FREQ=DAILY;BYHOUR="
    + ",".join(str(hour) for hour in range(24))
    + ";BYMINUTE="
    + ",".join(str(minute) for minute in range(60))
)
BAD_RULES = [
    "FREQ=WEEKLY;INTERVAL=0",
    "FREQ=SECONDLY",
    "FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=30;COUNT=1",
    "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30",
    "FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=31",
    EVERY_MINUTE_OF_THE_DAY,
    "FREQ=HOURLY",
    "FREQ=DAILY;COUNT=1000000",
    "FREQ=WEEKLY;UNTIL=20200101T000000Z",
    "FREQ=WEEKLY;INTERVAL=-1",
    "FREQ=MONTHLY;BYDAY=9MO",
    "FREQ=WEEKLY;COUNT=3;UNTIL=20280101T000000Z",
    "FREQ=WEEKLY;UNTIL=tomorrow",
]
GOOD_RULES = [
    "FREQ=WEEKLY;BYDAY=TU",  # a weekly meeting with no end
    "FREQ=MONTHLY;BYDAY=-1FR",
    "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29",
    "FREQ=WEEKLY;UNTIL=20280101",  # a date, as Outlook writes it for all-day series
    "FREQ=DAILY;COUNT=1000",
]
API = {
    "title_nl": "Overleg Kennisalliantie",
    "kind": "lobby_meeting",
    "starts_at": "2027-04-12T09:00:00+02:00",
    "ends_at": "2027-04-12T10:00:00+02:00",
}
FORM = {
    "title_nl": "Overleg Kennisalliantie",
    "kind": "lobby_meeting",
    "status": "confirmed",
    "visibility": "internal",
    "timezone": "Europe/Amsterdam",
    "starts_at": "2027-04-12T09:00",
    "ends_at": "2027-04-12T10:00",
}


def calendar_with(rule: str) -> str:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Partner//NL\r\n"
        "BEGIN:VEVENT\r\nUID:good@partner.nl\r\nDTSTART:20270405T080000Z\r\n"
        "DTEND:20270405T090000Z\r\nSUMMARY:Goed\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:series@partner.nl\r\nDTSTART:20270412T070000Z\r\n"
        f"DTEND:20270412T080000Z\r\nRRULE:{rule}\r\nSUMMARY:Reeks\r\nEND:VEVENT\r\n"
        "END:VCALENDAR\r\n"
    )


@pytest.mark.parametrize("rule", BAD_RULES)
def test_a_partner_posting_a_ruinous_rule_gets_400_on_rrule(rule, api_client_for, partner_editor):
    response = api_client_for(partner_editor).post(
        "/api/v1/activities/", {**API, "rrule": rule}, format="json"
    )
    assert response.status_code == 400, response.content
    assert list(response.json()) == ["rrule"]
    assert not Activity.objects.exists()


@pytest.mark.parametrize("rule", GOOD_RULES)
def test_ordinary_rules_are_accepted(rule, api_client_for, team_member):
    response = api_client_for(team_member).post(
        "/api/v1/activities/", {**API, "rrule": rule}, format="json"
    )
    assert response.status_code == 201, response.content


def test_the_form_refuses_the_rule_with_a_field_error(client_for, team_member):
    web = client_for(team_member)
    for rule in BAD_RULES:
        response = web.post(reverse("agenda:activity-create"), {**FORM, "rrule": rule})
        assert response.status_code == 200
        assert list(response.context["form"].errors) == ["rrule"], rule
    assert not Activity.objects.exists()


@pytest.mark.parametrize(
    "rule", ["FREQ=WEEKLY;INTERVAL=0", "FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=30"]
)
def test_an_ics_file_with_the_rule_is_refused_naming_line_and_uid(rule):
    with pytest.raises(IcsFormatError) as refused:
        import_events(parse_ics(calendar_with(rule)))
    assert refused.value.line == 14  # the RRULE line of the series
    assert "series@partner.nl" in refused.value.message and "RRULE" in refused.value.message
    assert not Activity.objects.exists()


def test_the_upload_form_refuses_it_and_writes_nothing(client_for, team_member):
    upload = SimpleUploadedFile("partner.ics", calendar_with("FREQ=WEEKLY;INTERVAL=0").encode())
    response = client_for(team_member).post(
        reverse("agenda:ics-import"), {"file": upload, "visibility": "partners"}
    )
    assert response.status_code == 200
    assert "series@partner.nl" in str(response.context["refused"])
    assert not Activity.objects.exists()


def test_a_partner_feed_with_the_rule_is_refused_and_the_error_recorded(partner_organisation):
    subscription = CalendarSubscription.objects.create(
        organisation=partner_organisation, url="https://partner.example/agenda.ics"
    )
    with pytest.raises(IcsFormatError):
        sync_subscription(subscription, fetch=lambda url: calendar_with("FREQ=SECONDLY"))
    subscription.refresh_from_db()
    assert "series@partner.nl" in subscription.last_error
    assert not Activity.objects.exists()


def test_the_finest_frequency_is_a_setting(settings, api_client_for, team_member):
    settings.FINEST_RECURRENCE = "HOURLY"
    client = api_client_for(team_member)
    endless = client.post(
        "/api/v1/activities/", {**API, "rrule": "FREQ=HOURLY;INTERVAL=2"}, format="json"
    )
    assert endless.status_code == 400
    assert "COUNT" in endless.json()["rrule"][0] and "UNTIL" in endless.json()["rrule"][0]
    counted = client.post(
        "/api/v1/activities/", {**API, "rrule": "FREQ=HOURLY;INTERVAL=2;COUNT=6"}, format="json"
    )
    assert counted.status_code == 201, counted.content
