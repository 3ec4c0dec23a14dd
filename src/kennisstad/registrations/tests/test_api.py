"""The API lists an activity's registrations and checks people in, for the team only."""

import pytest

from .factories import RegistrationFactory, RegistrationSettingsFactory

pytestmark = pytest.mark.django_db


def test_team_reads_the_registrations_of_one_activity(api_client_for, team_member):
    config = RegistrationSettingsFactory()
    mine = RegistrationFactory(activity=config.activity)
    RegistrationFactory()
    api = api_client_for(team_member)
    response = api.get("/api/v1/registrations/", {"activity": config.activity.pk})
    assert response.status_code == 200
    assert [row["id"] for row in response.json()["results"]] == [mine.pk]
    assert api.get("/api/v1/registration-settings/").status_code == 200


@pytest.mark.parametrize("role", ["anonymous", "partner", "reader"])
def test_nobody_else_reads_them(users_by_role, api_client_for, role):
    registration = RegistrationFactory()
    api = api_client_for(users_by_role[role])
    assert api.get("/api/v1/registrations/").status_code in (401, 403)
    check_in = api.post(f"/api/v1/registrations/{registration.pk}/check-in/", {}, format="json")
    assert check_in.status_code in (401, 403, 404)


def test_team_checks_in_through_the_api(api_client_for, team_member):
    registration = RegistrationFactory()
    api = api_client_for(team_member)
    response = api.post(f"/api/v1/registrations/{registration.pk}/check-in/", {}, format="json")
    assert response.status_code == 200 and response.json()["checked_in_at"]
    waiting = RegistrationFactory(status="waiting", waiting_position=1)
    refused = api.post(f"/api/v1/registrations/{waiting.pk}/check-in/", {}, format="json")
    assert refused.status_code == 400
