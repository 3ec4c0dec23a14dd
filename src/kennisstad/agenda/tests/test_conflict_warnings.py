"""An activity that overlaps another with a shared participant or venue is shown as a conflict
before saving; the user may save anyway. The API saves and reports the conflicts."""

import datetime
import zoneinfo

import pytest
from django.urls import reverse

from kennisstad.agenda.models import Activity
from kennisstad.agenda.tests.factories import ActivityFactory
from kennisstad.relations.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db
AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")


@pytest.fixture
def alderman_busy(team_member):
    busy = ActivityFactory(
        title_nl="Ontvangst delegatie Tianjin",
        starts_at=datetime.datetime(2027, 3, 10, 14, tzinfo=AMSTERDAM),
        ends_at=datetime.datetime(2027, 3, 10, 17, tzinfo=AMSTERDAM),
        location="Stadhuis",
        city="Groningen",
    )
    busy.team_participants.add(team_member)
    return busy


FORM = {
    "title_nl": "Lobbygesprek provincie",
    "kind": "lobby_meeting",
    "status": "confirmed",
    "visibility": "internal",
    "timezone": "Europe/Amsterdam",
    "starts_at": "2027-03-10T16:00",
    "ends_at": "2027-03-10T18:00",
}


def test_the_form_warns_before_saving_and_saves_when_confirmed(
    client_for, team_member, alderman_busy
):
    web = client_for(team_member)
    data = {**FORM, "team_participants": [team_member.pk]}
    warned = web.post(reverse("agenda:activity-create"), data)
    assert warned.status_code == 200
    assert "Ontvangst delegatie Tianjin" in warned.content.decode()
    assert not Activity.objects.filter(title_nl="Lobbygesprek provincie").exists()
    saved = web.post(reverse("agenda:activity-create"), {**data, "save_despite_conflicts": "1"})
    assert saved.status_code == 302
    assert Activity.objects.filter(title_nl="Lobbygesprek provincie").exists()


def test_no_warning_without_a_shared_participant_or_venue(
    client_for, team_member, second_team_member, alderman_busy
):
    response = client_for(team_member).post(
        reverse("agenda:activity-create"), {**FORM, "team_participants": [second_team_member.pk]}
    )
    assert response.status_code == 302


def test_the_same_venue_conflicts(client_for, team_member, alderman_busy):
    response = client_for(team_member).post(
        reverse("agenda:activity-create"), {**FORM, "location": "stadhuis", "city": "Groningen"}
    )
    assert (
        response.status_code == 200 and "Ontvangst delegatie Tianjin" in response.content.decode()
    )


def test_the_api_saves_and_reports_conflicts(api_client_for, team_member, alderman_busy):
    member = PersonFactory()
    alderman_busy.people.add(member)
    response = api_client_for(team_member).post(
        "/api/v1/activities/",
        {
            "title_nl": "Diner met delegatielid",
            "kind": "reception",
            "starts_at": "2027-03-10T16:30:00+01:00",
            "ends_at": "2027-03-10T19:00:00+01:00",
            "people": [member.pk],
        },
        format="json",
    )
    assert response.status_code == 201
    conflicts = response.json()["conflicts"]
    assert [c["activity"] for c in conflicts] == [alderman_busy.pk]
    assert conflicts[0]["shared_people"] == [member.pk]


def test_cancelled_activities_never_conflict(client_for, team_member, alderman_busy):
    alderman_busy.status = "cancelled"
    alderman_busy.save()
    response = client_for(team_member).post(
        reverse("agenda:activity-create"), {**FORM, "team_participants": [team_member.pk]}
    )
    assert response.status_code == 302
