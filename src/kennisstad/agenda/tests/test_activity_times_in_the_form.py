"""Times are typed in the activity's own time zone; all-day activities are whole days there."""

import datetime
import zoneinfo

import pytest
from django.urls import reverse

from kennisstad.agenda.models import Activity
from kennisstad.agenda.tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db
SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")

FORM = {
    "title_nl": "Handelsmissie Shanghai",
    "kind": "outgoing_visit",
    "status": "confirmed",
    "visibility": "internal",
    "timezone": "Asia/Shanghai",
}


def post(client, **data):
    return client.post(reverse("agenda:activity-create"), {**FORM, **data})


def test_a_time_that_does_not_exist_in_amsterdam_is_fine_in_shanghai(client_for, team_member):
    # 28 March 2027 02:30 does not exist in Amsterdam (clocks go forward) but does in Shanghai.
    response = post(
        client_for(team_member), starts_at="2027-03-28T02:30", ends_at="2027-03-28T04:00"
    )
    assert response.status_code == 302, response.context["form"].errors
    activity = Activity.objects.get()
    assert activity.starts_at.astimezone(SHANGHAI).time() == datetime.time(2, 30)


def test_a_time_that_does_not_exist_in_the_chosen_zone_is_refused(client_for, team_member):
    response = post(
        client_for(team_member),
        timezone="Europe/Amsterdam",
        starts_at="2027-03-28T02:30",
        ends_at="2027-03-28T04:00",
    )
    assert response.status_code == 200
    assert "starts_at" in response.context["form"].errors
    assert not Activity.objects.exists()


def test_all_day_activity_is_whole_days_in_its_own_zone(client_for, team_member):
    response = post(
        client_for(team_member),
        all_day="on",
        starts_at="2027-06-01T00:00",
        ends_at="2027-06-02T00:00",
    )
    assert response.status_code == 302, response.context["form"].errors
    activity = Activity.objects.get()
    assert activity.starts_at == datetime.datetime(2027, 6, 1, tzinfo=SHANGHAI)
    assert activity.ends_at == datetime.datetime(2027, 6, 3, tzinfo=SHANGHAI)  # exclusive end
    assert (activity.first_day, activity.last_day) == (
        datetime.date(2027, 6, 1),
        datetime.date(2027, 6, 2),
    )


def test_all_day_last_day_before_the_first_is_refused(client_for, team_member):
    response = post(
        client_for(team_member),
        all_day="on",
        starts_at="2027-05-10T00:00",
        ends_at="2027-05-09T00:00",
    )
    assert response.status_code == 200
    assert "ends_at" in response.context["form"].errors
    assert not Activity.objects.exists()


def test_the_list_shows_an_all_day_activity_on_its_own_day(client_for, team_member):
    ActivityFactory(
        title_nl="Expo Shanghai",
        all_day=True,
        timezone="Asia/Shanghai",
        starts_at=datetime.datetime(2027, 6, 1, tzinfo=SHANGHAI),
        ends_at=datetime.datetime(2027, 6, 3, tzinfo=SHANGHAI),
    )
    page = client_for(team_member).get(reverse("agenda:activity-list"), {"all": "1"})
    days = [
        day
        for day, items in page.context["days"]
        if any(a.title_nl == "Expo Shanghai" for a in items)
    ]
    assert days == [datetime.date(2027, 6, 1)]  # not 31 May, as it would be in Amsterdam time


def test_editing_shows_the_times_in_the_activity_zone(client_for, team_member):
    activity = ActivityFactory(
        timezone="Asia/Shanghai",
        starts_at=datetime.datetime(2027, 4, 2, 14, 0, tzinfo=SHANGHAI),
        ends_at=datetime.datetime(2027, 4, 2, 16, 0, tzinfo=SHANGHAI),
    )
    form = (
        client_for(team_member)
        .get(reverse("agenda:activity-update", args=[activity.pk]))
        .context["form"]
    )
    assert form["starts_at"].value() == datetime.datetime(2027, 4, 2, 14, 0)
