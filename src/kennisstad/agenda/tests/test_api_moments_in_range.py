"""Moments in the API are RFC 3339 date-times within the calendar's range: a start before 1900
or after 2200 is refused naming the field (before 1900 Amsterdam's local mean time has an
offset in seconds, +00:19:32, that RFC 3339 cannot write); one already stored goes out in UTC."""

import datetime
import re
import zoneinfo

import pytest

from kennisstad.agenda.tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db
AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")


@pytest.mark.parametrize("year", [1850, 1899, 2201, 9999])
def test_a_start_outside_the_calendar_range_is_refused(api_client_for, team_member, year):
    response = api_client_for(team_member).post(
        "/api/v1/activities/",
        {
            "title_nl": "Historische beurs",
            "title_en": "Historic fair",
            "kind": "conference",
            "starts_at": f"{year}-06-01T10:00:00+01:00",
            "ends_at": f"{year}-06-01T12:00:00+01:00",
            "visibility": "internal",
            "status": "confirmed",
        },
        format="json",
    )
    assert response.status_code == 400
    assert {"starts_at", "ends_at"} <= set(response.json())


def test_a_stored_moment_before_1900_goes_out_as_rfc3339(api_client_for, team_member):
    activity = ActivityFactory(
        visibility="public",
        starts_at=datetime.datetime(1890, 6, 1, 12, 0, tzinfo=datetime.UTC),
        ends_at=datetime.datetime(1890, 6, 1, 14, 0, tzinfo=datetime.UTC),
    )
    data = api_client_for(team_member).get(f"/api/v1/activities/{activity.pk}/").json()
    assert data["starts_at"] == "1890-06-01T12:00:00Z"
    assert RFC3339.match(data["ends_at"])


def test_moments_in_range_keep_the_local_offset(api_client_for, team_member):
    activity = ActivityFactory(visibility="public")
    data = api_client_for(team_member).get(f"/api/v1/activities/{activity.pk}/").json()
    assert data["starts_at"] == "2026-12-01T09:00:00+01:00"
