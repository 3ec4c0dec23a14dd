"""Dates far outside any plan (an all-day activity on 31 December 9999, the year 1) are refused
with a field error through the form and the API, never a 500: the day after the last one, or
the time in another zone, would not exist."""

import pytest
from django.urls import reverse

from kennisstad.agenda.models import Activity

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01"])
@pytest.mark.parametrize("all_day", [True, False])
def test_the_api_refuses_the_date_naming_the_field(day, all_day, api_client_for, team_member):
    data = {
        "title_nl": "Ver weg",
        "kind": "other",
        "all_day": all_day,
        "starts_at": f"{day}T00:00:00+01:00",
        "ends_at": f"{day}T00:00:00+01:00" if all_day else f"{day}T05:00:00+01:00",
    }
    response = api_client_for(team_member).post("/api/v1/activities/", data, format="json")
    assert response.status_code == 400
    assert "starts_at" in response.json()
    assert not Activity.objects.exists()


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01"])
@pytest.mark.parametrize("all_day", ["on", ""])
def test_the_form_refuses_the_date_naming_the_field(day, all_day, client_for, team_member):
    response = client_for(team_member).post(
        reverse("agenda:activity-create"),
        {
            "title_nl": "Ver weg",
            "kind": "other",
            "status": "confirmed",
            "visibility": "internal",
            "timezone": "Asia/Tokyo",
            "all_day": all_day,
            "starts_at": f"{day}T00:00",
            "ends_at": f"{day}T00:00",
        },
    )
    assert response.status_code == 200
    assert "starts_at" in response.context["form"].errors
    assert not Activity.objects.exists()
