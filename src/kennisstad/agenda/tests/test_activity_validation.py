"""Impossible activities are refused with a field error, through the form and through the API,
and nothing is written."""

import pytest
from django.urls import reverse

from kennisstad.agenda.models import Activity
from kennisstad.agenda.tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db

VALID_FORM = {
    "title_nl": "Beurs Hannover Messe",
    "title_en": "Hannover Messe trade fair",
    "kind": "trade_fair",
    "status": "confirmed",
    "visibility": "internal",
    "timezone": "Europe/Berlin",
    "starts_at": "2027-04-12T09:00",
    "ends_at": "2027-04-12T17:00",
    "country": "DE",
    "city": "Hannover",
}

VALID_API = {
    "title_nl": "Beurs Hannover Messe",
    "kind": "trade_fair",
    "starts_at": "2027-04-12T09:00:00+02:00",
    "ends_at": "2027-04-12T17:00:00+02:00",
    "country": "DE",
}


def test_form_refuses_an_end_before_the_start(client_for, team_member):
    data = {**VALID_FORM, "ends_at": "2027-04-11T17:00"}
    response = client_for(team_member).post(reverse("agenda:activity-create"), data)
    assert response.status_code == 200
    assert "ends_at" in response.context["form"].errors
    assert Activity.objects.count() == 0


def test_form_refuses_an_unknown_country(client_for, team_member):
    data = {**VALID_FORM, "country": "XX"}
    response = client_for(team_member).post(reverse("agenda:activity-create"), data)
    assert "country" in response.context["form"].errors
    assert Activity.objects.count() == 0


def test_form_saves_a_valid_activity_in_its_own_time_zone(client_for, team_member):
    response = client_for(team_member).post(reverse("agenda:activity-create"), VALID_FORM)
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    activity = Activity.objects.get()
    assert activity.starts_at.isoformat() == "2027-04-12T07:00:00+00:00"  # 09:00 in Berlin (CEST)
    assert activity.timezone == "Europe/Berlin"


def test_api_refuses_an_end_before_the_start(api_client_for, team_member):
    data = {**VALID_API, "ends_at": "2027-04-11T17:00:00+02:00"}
    response = api_client_for(team_member).post("/api/v1/activities/", data, format="json")
    assert response.status_code == 400
    assert "ends_at" in response.json()
    assert Activity.objects.count() == 0


def test_api_refuses_an_unknown_country(api_client_for, team_member):
    response = api_client_for(team_member).post(
        "/api/v1/activities/", {**VALID_API, "country": "XX"}, format="json"
    )
    assert response.status_code == 400
    assert "country" in response.json()
    assert Activity.objects.count() == 0


def test_api_refuses_a_missing_dutch_title(api_client_for, team_member):
    response = api_client_for(team_member).post(
        "/api/v1/activities/", {**VALID_API, "title_nl": "   "}, format="json"
    )
    assert response.status_code == 400
    assert "title_nl" in response.json()


def test_api_refuses_an_invalid_recurrence_rule(api_client_for, team_member):
    response = api_client_for(team_member).post(
        "/api/v1/activities/", {**VALID_API, "rrule": "FREQ=SOMETIMES"}, format="json"
    )
    assert response.status_code == 400
    assert "rrule" in response.json()


def test_api_update_with_an_end_before_the_start_leaves_the_record_unchanged(
    api_client_for, team_member
):
    activity = ActivityFactory()
    before = (activity.starts_at, activity.ends_at, activity.version)
    response = api_client_for(team_member).patch(
        f"/api/v1/activities/{activity.pk}/",
        {"ends_at": "2020-01-01T00:00:00Z", "version": activity.version},
        format="json",
    )
    assert response.status_code == 400
    activity.refresh_from_db()
    assert (activity.starts_at, activity.ends_at, activity.version) == before


def test_api_creates_a_valid_activity(api_client_for, team_member):
    response = api_client_for(team_member).post("/api/v1/activities/", VALID_API, format="json")
    assert response.status_code == 201, response.content
    assert response["ETag"] == '"1"'
    assert Activity.objects.get().uid.endswith("@kennisstad")
