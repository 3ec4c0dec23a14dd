"""Month and week views: FullCalendar loads occurrences from events.json, which expands
recurring activities (minus exceptions) and shows only what the user may see."""

import datetime
import zoneinfo

import pytest
from django.urls import reverse

from kennisstad.agenda.tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db
AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")


def fetch(web, start="2027-01-01T00:00:00+01:00", end="2027-02-01T00:00:00+01:00", **params):
    return web.get(reverse("agenda:events"), {"start": start, "end": end, **params})


def test_recurring_activities_are_expanded_without_their_exceptions(client_for, team_member):
    ActivityFactory(
        title_nl="Teamoverleg",
        starts_at=datetime.datetime(2027, 1, 4, 9, tzinfo=AMSTERDAM),
        ends_at=datetime.datetime(2027, 1, 4, 10, tzinfo=AMSTERDAM),
        rrule="FREQ=WEEKLY;COUNT=10;BYDAY=MO",
        exception_dates=["2027-01-18"],
    )
    events = fetch(client_for(team_member)).json()
    starts = [event["start"][:10] for event in events if event["title"] == "Teamoverleg"]
    assert starts == ["2027-01-04", "2027-01-11", "2027-01-25"]


def test_only_visible_activities_and_all_day_as_dates(client_for, partner_editor):
    ActivityFactory(
        title_nl="Intern",
        visibility="internal",
        starts_at=datetime.datetime(2027, 1, 5, 9, tzinfo=AMSTERDAM),
        ends_at=datetime.datetime(2027, 1, 5, 10, tzinfo=AMSTERDAM),
    )
    ActivityFactory(
        title_nl="Beurs",
        visibility="partners",
        all_day=True,
        starts_at=datetime.datetime(2027, 1, 12, tzinfo=AMSTERDAM),
        ends_at=datetime.datetime(2027, 1, 15, tzinfo=AMSTERDAM),
    )
    events = fetch(client_for(partner_editor)).json()
    assert [(e["title"], e["start"], e["end"], e["allDay"]) for e in events] == [
        ("Beurs", "2027-01-12", "2027-01-15", True)
    ]


def test_a_bad_range_is_a_clear_400(client_for, team_member):
    response = fetch(client_for(team_member), start="gisteren")
    assert response.status_code == 400 and "begin" in response.json()["error"]  # Dutch: start


def test_the_month_page_loads_fullcalendar_with_a_csp_nonce(client_for, team_member):
    response = client_for(team_member).get(reverse("agenda:month"))
    assert response.status_code == 200
    text = response.content.decode()
    assert "vendor/fullcalendar/index.global.min.js" in text
    nonce = text.split('name="csp-nonce" content="')[1].split('"')[0]
    assert f"'nonce-{nonce}'" in response["Content-Security-Policy"]
