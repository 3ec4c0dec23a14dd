"""An import checks the calendar first and writes it after: when someone edits one of its
activities, or adds one of its UIDs, in between, the import is refused on that event's line
("changed by someone else ... try again") and nothing is written, in the upload form and in a
partner calendar's sync alike; never a server error."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from kennisstad.agenda import ics_import
from kennisstad.agenda.ics_import import IcsFormatError, sync_subscription
from kennisstad.agenda.models import Activity
from kennisstad.agenda.services import save_activity
from kennisstad.agenda.tests.factories import ActivityFactory, CalendarSubscriptionFactory

pytestmark = pytest.mark.django_db

CALENDAR = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//T//NL\r\n"  # lines 1-3
    "BEGIN:VEVENT\r\nUID:known@partner\r\nSUMMARY:Nieuwe titel\r\n"  # 4-6
    "DTSTART:20300101T090000Z\r\nDTEND:20300101T100000Z\r\nEND:VEVENT\r\n"  # 7-9
    "BEGIN:VEVENT\r\nUID:new@partner\r\nSUMMARY:Nieuw\r\n"  # 10-12
    "DTSTART:20300102T090000Z\r\nDTEND:20300102T100000Z\r\nEND:VEVENT\r\n"  # 13-15
    "END:VCALENDAR\r\n"
)
CHANGED = "changed by someone else while the file was read; try again"


def meanwhile(monkeypatch, change):
    """Run ``change`` after the calendar was checked and before it is written."""
    plan_events = ics_import.plan_events

    def plan_then_change(*args, **kwargs):
        plan = plan_events(*args, **kwargs)
        change()
        return plan

    monkeypatch.setattr(ics_import, "plan_events", plan_then_change)


def edit_known():
    activity = Activity.objects.get(uid="known@partner")
    activity.title_nl = "Intussen bewerkt"
    save_activity(activity=activity, user=None, expected_version=activity.version)


def add_new():
    ActivityFactory(uid="new@partner", title_nl="Intussen toegevoegd")


def upload(client):
    return client.post(
        reverse("agenda:ics-import"),
        {"file": SimpleUploadedFile("a.ics", CALENDAR.encode()), "visibility": "public"},
    )


@pytest.mark.parametrize(("change", "line"), [(edit_known, 4), (add_new, 10)])
def test_the_upload_form_refuses_and_writes_nothing(
    change, line, monkeypatch, client_for, team_member
):
    ActivityFactory(uid="known@partner", title_nl="Oud")
    meanwhile(monkeypatch, change)

    answer = upload(client_for(team_member))

    assert answer.status_code == 200
    with translation.override("nl"):
        problem = translation.gettext(CHANGED)
    assert f"{line}: {problem}" in str(answer.context["refused"])
    titles = dict(Activity.objects.values_list("uid", "title_nl"))
    expected = {"known@partner": "Intussen bewerkt" if change is edit_known else "Oud"}
    if change is add_new:
        expected["new@partner"] = "Intussen toegevoegd"
    assert titles == expected


@pytest.mark.parametrize(("change", "line"), [(edit_known, 4), (add_new, 10)])
def test_a_partner_calendar_sync_refuses_records_and_writes_nothing(change, line, monkeypatch):
    feed = CalendarSubscriptionFactory()
    ActivityFactory(
        uid="known@partner", title_nl="Oud", subscription=feed, organiser_organisation=None
    )
    meanwhile(monkeypatch, change)

    with translation.override("en"), pytest.raises(IcsFormatError) as refused:
        sync_subscription(feed, fetch=lambda url: CALENDAR)

    assert refused.value.line == line and refused.value.message == CHANGED
    feed.refresh_from_db()
    assert feed.last_error == f"line {line}: {CHANGED}"
    known = Activity.objects.get(uid="known@partner")
    assert known.title_nl == ("Intussen bewerkt" if change is edit_known else "Oud")
    assert Activity.objects.filter(uid="new@partner").count() == (change is add_new)
