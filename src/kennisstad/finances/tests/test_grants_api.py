"""The grants API: the team creates, edits and deletes grants and takes the steps as actions,
each with the version it read; the status is not written directly; a step the status does not
allow is a 400 saying why; filters work. The allocations API is the team's only."""

from decimal import Decimal

import pytest

from kennisstad.finances.grant_models import Grant, GrantStatus
from kennisstad.finances.models import ProjectAllocation
from kennisstad.finances.tests.factories import GrantFactory, ProjectAllocationFactory
from kennisstad.policy.tests.factories import seed_policy_field
from kennisstad.projects.tests.factories import ProjectFactory
from kennisstad.relations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def new_grant_body(**extra):
    seed_policy_field()
    return {
        "organisation": OrganisationFactory().pk,
        "title_nl": "Top Dutch-campagne 2019",
        "policy_area": "2.1.4",
        "taakveld": "3.4",
        "amount_requested": "80000.00",
        "period_start": "2019-01-01",
        "period_end": "2019-12-31",
        **extra,
    }


def test_the_team_records_an_application_but_not_its_status(api_client_for, team_member):
    api = api_client_for(team_member)
    response = api.post("/api/v1/grants/", new_grant_body(status="vastgesteld"), format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["status"] == "aangevraagd"
    assert response["ETag"] == '"1"'
    assert Grant.objects.get().history.first().history_user == team_member


def test_a_bad_period_is_a_400_naming_the_field(api_client_for, team_member):
    body = new_grant_body(period_end="2018-12-31")
    response = api_client_for(team_member).post("/api/v1/grants/", body, format="json")
    assert response.status_code == 400
    assert "period_end" in response.json()
    assert not Grant.objects.exists()


def test_the_steps_are_actions_with_the_version_read(api_client_for, team_member):
    grant = GrantFactory(status=GrantStatus.APPLIED, decision_number="", granted_on=None)
    api = api_client_for(team_member)
    url = f"/api/v1/grants/{grant.pk}/"
    award = {"decision_number": "SUB-2018-7", "amount_granted": "75000", "granted_on": "2018-01-23"}
    assert api.post(f"{url}award/", award, format="json").status_code == 428
    granted = api.post(f"{url}award/", award, format="json", HTTP_IF_MATCH='"1"')
    assert granted.status_code == 200, granted.json()
    assert granted.json()["status"] == "verleend" and granted["ETag"] == '"2"'
    stale = api.post(
        f"{url}withdraw/", {"withdrawn_on": "2018-03-01", "reason": "x"}, HTTP_IF_MATCH='"1"'
    )
    assert stale.status_code == 412
    settle = {
        "amount_final": "71900",
        "settled_on": "2019-06-01",
        "accountability_received_on": "2019-04-30",
        "version": 2,
    }
    settled = api.post(f"{url}settle/", settle, format="json")
    assert settled.status_code == 200 and settled.json()["amount_final"] == "71900.00"
    refused = api.post(
        f"{url}withdraw/",
        {"withdrawn_on": "2019-07-01", "reason": "x", "version": 3},
        format="json",
    )
    assert refused.status_code == 400
    assert "vastgesteld" in str(refused.json()).lower()
    assert Grant.objects.get().status == GrantStatus.SETTLED


def test_an_edit_and_a_delete_need_the_version(api_client_for, team_member):
    grant = GrantFactory()
    api = api_client_for(team_member)
    url = f"/api/v1/grants/{grant.pk}/"
    assert api.patch(url, {"conditions": "Jaarverslag"}, format="json").status_code == 428
    edited = api.patch(url, {"conditions": "Jaarverslag", "version": 1}, format="json")
    assert edited.status_code == 200 and edited.json()["conditions"] == "Jaarverslag"
    assert api.delete(url, HTTP_IF_MATCH='"2"').status_code == 204
    assert not Grant.objects.exists()


def test_filters_select_by_status_year_and_accountability(api_client_for, reader):
    GrantFactory(title_nl="Verleend 2018")
    GrantFactory(
        title_nl="Aanvraag 2019",
        status=GrantStatus.APPLIED,
        period_start="2019-01-01",
        period_end="2019-12-31",
    )
    api = api_client_for(reader)

    def titles(query):
        return [row["title_nl"] for row in api.get("/api/v1/grants/", query).json()["results"]]

    assert titles({"status": "aangevraagd"}) == ["Aanvraag 2019"]
    assert titles({"year": 2018}) == ["Verleend 2018"]
    assert titles({"accountability": "overdue"}) == ["Verleend 2018"]  # due 2019-04-01
    assert titles({"policy_field": "2.1.4"}) == ["Aanvraag 2019", "Verleend 2018"]
    assert api.post("/api/v1/grants/", {}, format="json").status_code == 403


def test_allocations_are_the_teams(api_client_for, team_member, reader):
    project = ProjectFactory()
    seed_policy_field()
    body = {
        "project": project.pk,
        "year": 2018,
        "policy_area": "2.1.4",
        "taakveld": "3.4",
        "budgeted": "40000",
        "spent": "36500",
    }
    assert api_client_for(reader).get("/api/v1/project-allocations/").status_code == 403
    assert api_client_for(reader).post("/api/v1/project-allocations/", body).status_code == 403
    api = api_client_for(team_member)
    created = api.post("/api/v1/project-allocations/", body, format="json")
    assert created.status_code == 201, created.json()
    ProjectAllocationFactory(year=2019)
    listed = api.get("/api/v1/project-allocations/", {"year": 2018}).json()["results"]
    assert [row["spent"] for row in listed] == ["36500.00"]
    duplicate = api.post("/api/v1/project-allocations/", body, format="json")
    assert duplicate.status_code == 400
    assert ProjectAllocation.objects.filter(year=2018).count() == 1
    assert ProjectAllocation.objects.get(year=2018).budgeted == Decimal("40000")
