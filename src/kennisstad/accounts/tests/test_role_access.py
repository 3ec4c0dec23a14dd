"""Each role gets exactly its rights, and real denials (403/404) where it has none."""

import pytest
from django.urls import reverse

from kennisstad.agenda.models import Activity
from kennisstad.agenda.tests.factories import ActivityFactory
from kennisstad.projects.tests.factories import ProjectFactory
from kennisstad.relations.tests.factories import OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_organisation():
    return OrganisationFactory(name="Universität Oldenburg", country="DE", city="Oldenburg")


@pytest.fixture
def own_activity(partner_organisation):
    return ActivityFactory(organiser_organisation=partner_organisation, visibility="partners")


@pytest.fixture
def others_partner_activity(other_organisation):
    return ActivityFactory(organiser_organisation=other_organisation, visibility="partners")


@pytest.fixture
def internal_activity(other_organisation):
    return ActivityFactory(organiser_organisation=other_organisation, visibility="internal")


# --- web pages ---------------------------------------------------------------------------


def test_reader_reads_but_may_not_open_edit_pages(client_for, reader):
    project = ProjectFactory()
    web = client_for(reader)
    assert web.get(reverse("projects:project-detail", args=[project.pk])).status_code == 200
    assert web.get(reverse("projects:project-update", args=[project.pk])).status_code == 403
    assert web.get(reverse("projects:project-create")).status_code == 403
    response = web.post(reverse("projects:project-delete", args=[project.pk]))
    assert response.status_code == 403
    assert type(project).objects.filter(pk=project.pk).exists()


def test_people_pages_are_for_the_team_only(client_for, reader, partner_editor, team_member):
    person = PersonFactory()
    for user in (reader, partner_editor):
        web = client_for(user)
        assert web.get(reverse("relations:person-list")).status_code == 403
        assert web.get(reverse("relations:person-detail", args=[person.pk])).status_code == 403
    assert (
        client_for(team_member)
        .get(reverse("relations:person-detail", args=[person.pk]))
        .status_code
        == 200
    )


def test_partner_sees_only_its_own_organisation(
    client_for, partner_editor, partner_organisation, other_organisation
):
    web = client_for(partner_editor)
    assert web.get(reverse("relations:organisation-list")).status_code == 403
    assert (
        web.get(
            reverse("relations:organisation-detail", args=[partner_organisation.pk])
        ).status_code
        == 200
    )
    assert (
        web.get(reverse("relations:organisation-detail", args=[other_organisation.pk])).status_code
        == 404
    )


def test_partner_edits_only_its_own_activities(
    client_for, partner_editor, own_activity, others_partner_activity, internal_activity
):
    web = client_for(partner_editor)
    assert web.get(reverse("agenda:activity-update", args=[own_activity.pk])).status_code == 200
    assert (
        web.get(reverse("agenda:activity-update", args=[others_partner_activity.pk])).status_code
        == 403
    )
    assert (
        web.get(reverse("agenda:activity-detail", args=[internal_activity.pk])).status_code == 404
    )
    assert (
        web.get(reverse("agenda:activity-update", args=[internal_activity.pk])).status_code == 404
    )


def test_partner_may_not_create_projects_or_organisations(client_for, partner_editor):
    web = client_for(partner_editor)
    assert web.get(reverse("projects:project-create")).status_code == 403
    assert web.get(reverse("relations:organisation-create")).status_code == 403


def test_admin_site_is_for_administrators_only(client_for, team_member, administrator):
    response = client_for(team_member).get("/admin/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert client_for(administrator).get("/admin/").status_code == 200


# --- API -----------------------------------------------------------------------------------


def test_anonymous_api_writes_are_refused(api_client_for):
    response = api_client_for(None).post("/api/v1/projects/", {"title_nl": "X"}, format="json")
    assert response.status_code == 401


def test_anonymous_sees_only_public_items(api_client_for):
    ProjectFactory(is_public=True, title_nl="Openbaar project")
    ProjectFactory(is_public=False, title_nl="Intern project")
    ActivityFactory(visibility="public", title_nl="Openbare activiteit")
    ActivityFactory(visibility="partners", title_nl="Partneractiviteit")
    ActivityFactory(visibility="internal", title_nl="Interne activiteit")
    client = api_client_for(None)
    projects = [item["title_nl"] for item in client.get("/api/v1/projects/").json()["results"]]
    activities = [item["title_nl"] for item in client.get("/api/v1/activities/").json()["results"]]
    assert projects == ["Openbaar project"]
    assert activities == ["Openbare activiteit"]
    hidden = ActivityFactory(visibility="internal")
    assert client.get(f"/api/v1/activities/{hidden.pk}/").status_code == 404


def test_partner_api_sees_public_and_partner_items(
    api_client_for, partner_editor, own_activity, internal_activity
):
    ActivityFactory(visibility="public")
    seen = {
        item["id"]
        for item in api_client_for(partner_editor).get("/api/v1/activities/").json()["results"]
    }
    assert own_activity.pk in seen
    assert internal_activity.pk not in seen
    assert len(seen) == 2


def test_reader_api_may_not_write(api_client_for, reader):
    project = ProjectFactory()
    client = api_client_for(reader)
    assert client.get(f"/api/v1/projects/{project.pk}/").status_code == 200
    response = client.patch(
        f"/api/v1/projects/{project.pk}/", {"title_nl": "Anders", "version": 1}, format="json"
    )
    assert response.status_code == 403
    assert client.get("/api/v1/people/").status_code == 200
    assert client.get("/api/v1/people/").json()["count"] == 0


def test_partner_api_edits_own_activity_only(
    api_client_for, partner_editor, own_activity, others_partner_activity
):
    client = api_client_for(partner_editor)
    ok = client.patch(
        f"/api/v1/activities/{own_activity.pk}/",
        {"title_nl": "Nieuw", "version": own_activity.version},
        format="json",
    )
    assert ok.status_code == 200, ok.content
    denied = client.patch(
        f"/api/v1/activities/{others_partner_activity.pk}/",
        {"title_nl": "Overgenomen", "version": others_partner_activity.version},
        format="json",
    )
    assert denied.status_code == 403
    others_partner_activity.refresh_from_db()
    assert others_partner_activity.title_nl != "Overgenomen"


def test_partner_may_not_move_an_activity_to_another_organiser(
    api_client_for, partner_editor, own_activity, other_organisation
):
    response = api_client_for(partner_editor).patch(
        f"/api/v1/activities/{own_activity.pk}/",
        {"organiser_organisation": other_organisation.pk, "version": own_activity.version},
        format="json",
    )
    assert response.status_code == 400
    assert "organiser_organisation" in response.json()
    own_activity.refresh_from_db()
    assert own_activity.organiser_organisation_id == partner_editor.organisation_id


def test_partner_creates_activities_for_its_own_organisation(api_client_for, partner_editor):
    response = api_client_for(partner_editor).post(
        "/api/v1/activities/",
        {
            "title_nl": "Open dag RUG",
            "kind": "reception",
            "starts_at": "2027-03-01T10:00:00+01:00",
            "ends_at": "2027-03-01T12:00:00+01:00",
            "visibility": "partners",
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    created = Activity.objects.get(pk=response.json()["id"])
    assert created.organiser_organisation_id == partner_editor.organisation_id


def test_partner_may_not_create_projects_through_the_api(api_client_for, partner_editor):
    response = api_client_for(partner_editor).post(
        "/api/v1/projects/", {"title_nl": "X"}, format="json"
    )
    assert response.status_code == 403
