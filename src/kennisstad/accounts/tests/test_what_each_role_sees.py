"""What each role sees on pages that combine records: nothing leaks through the dashboard, the
portal, project or organisation pages, or the activity page."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from kennisstad.agenda.models import Activity
from kennisstad.agenda.tests.factories import ActivityFactory
from kennisstad.projects.models import Project, ProjectPartner
from kennisstad.projects.tests.factories import ProjectFactory
from kennisstad.relations.tests.factories import (
    InteractionFactory,
    OrganisationFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db


def soon(days=2):
    start = timezone.now() + datetime.timedelta(days=days)
    return {"starts_at": start, "ends_at": start + datetime.timedelta(hours=2)}


@pytest.fixture
def world(partner_organisation):
    other = OrganisationFactory(name="Stadt Oldenburg", country="DE")
    public_project = ProjectFactory(
        title_nl="Openbaar Top Dutch", is_public=True, lead_organisation=other
    )
    hidden_project = ProjectFactory(
        title_nl="Geheim overleg Brussel", is_public=False, lead_organisation=other
    )
    own_project = ProjectFactory(title_nl="RUG talentprogramma", is_public=False)
    ProjectPartner.objects.create(
        project=own_project, organisation=partner_organisation, role="partner"
    )
    contact = PersonFactory(first_name="Lotte", last_name="Jansen")
    internal = ActivityFactory(
        title_nl="Intern beraad wethouder", visibility="internal", project=public_project, **soon()
    )
    internal.people.add(contact)
    public = ActivityFactory(
        title_nl="Open dag Zernike", visibility="public", project=public_project, **soon(3)
    )
    public.people.add(contact)
    InteractionFactory(subject="Vertrouwelijk gesprek").organisations.add(other)
    return {
        "other": other,
        "public_project": public_project,
        "hidden_project": hidden_project,
        "own_project": own_project,
        "internal": internal,
        "public": public,
        "contact": contact,
    }


def page(client, name, *args, **params) -> str:
    response = client.get(reverse(name, args=args), params)
    assert response.status_code == 200, (name, response.status_code)
    return response.content.decode()


def test_partner_project_list_holds_public_and_own_projects_only(world, client_for, partner_editor):
    text = page(client_for(partner_editor), "projects:project-list")
    assert "Openbaar Top Dutch" in text and "RUG talentprogramma" in text
    assert "Geheim overleg Brussel" not in text


def test_partner_dashboard_and_project_page_hide_internal_activities(
    world, client_for, partner_editor
):
    web = client_for(partner_editor)
    for text in (
        page(web, "workspace:home"),
        page(web, "projects:project-detail", world["public_project"].pk),
    ):
        assert "Open dag Zernike" in text
        assert "Intern beraad wethouder" not in text


def test_the_portal_shows_public_items_even_to_the_team(world, client_for, team_member):
    text = page(client_for(team_member), "portal:home")
    assert "Open dag Zernike" in text and "Openbaar Top Dutch" in text
    assert "Intern beraad wethouder" not in text and "Geheim overleg Brussel" not in text


def test_contact_moments_are_for_the_team(world, client_for, reader, team_member):
    assert "Vertrouwelijk gesprek" not in page(
        client_for(reader), "relations:organisation-detail", world["other"].pk
    )
    assert "Vertrouwelijk gesprek" in page(
        client_for(team_member), "relations:organisation-detail", world["other"].pk
    )


def test_participants_are_for_the_team(
    world, client_for, api_client_for, reader, partner_editor, team_member
):
    assert "Lotte Jansen" not in page(
        client_for(reader), "agenda:activity-detail", world["public"].pk
    )
    assert "Lotte Jansen" in page(
        client_for(team_member), "agenda:activity-detail", world["public"].pk
    )
    data = api_client_for(partner_editor).get(f"/api/v1/activities/{world['public'].pk}/").json()
    assert data["people"] == [] and data["team_participants"] == []
    assert "participant" not in page(client_for(partner_editor), "agenda:activity-list")


def test_history_is_for_the_team(world, client_for, reader, team_member):
    project = world["public_project"]
    assert "history-heading" not in page(client_for(reader), "projects:project-detail", project.pk)
    assert "history-heading" in page(client_for(team_member), "projects:project-detail", project.pk)


def test_partner_form_ignores_injected_organiser_and_participants(
    world, client_for, partner_editor, team_member
):
    response = client_for(partner_editor).post(
        reverse("agenda:activity-create"),
        {
            "title_nl": "Gastcollege RUG",
            "kind": "other",
            "status": "confirmed",
            "visibility": "partners",
            "timezone": "Europe/Amsterdam",
            "starts_at": "2027-02-01T10:00",
            "ends_at": "2027-02-01T11:00",
            "organiser_organisation": world["other"].pk,
            "people": [world["contact"].pk],
            "team_participants": [team_member.pk],
        },
    )
    assert response.status_code == 302
    activity = Activity.objects.get(title_nl="Gastcollege RUG")
    assert activity.organiser_organisation_id == partner_editor.organisation_id
    assert not activity.people.exists() and not activity.team_participants.exists()


def test_partner_cannot_link_a_hidden_project(world, client_for, api_client_for, partner_editor):
    form = client_for(partner_editor).get(reverse("agenda:activity-create")).context["form"]
    assert world["hidden_project"] not in form.fields["project"].queryset
    response = api_client_for(partner_editor).post(
        "/api/v1/activities/",
        {
            "title_nl": "Poging",
            "kind": "other",
            "starts_at": "2027-02-01T10:00:00+01:00",
            "ends_at": "2027-02-01T11:00:00+01:00",
            "project": world["hidden_project"].pk,
            "people": [world["contact"].pk],
        },
        format="json",
    )
    assert response.status_code == 400
    assert "project" in response.json() or "people" in response.json()
    assert not Activity.objects.filter(title_nl="Poging").exists()


def test_a_stale_or_versionless_web_delete_is_refused(client_for, team_member):
    project = ProjectFactory()
    web = client_for(team_member)
    url = reverse("projects:project-delete", args=[project.pk])
    web.post(url)  # no version
    assert Project.objects.filter(pk=project.pk).exists()
    Project.objects.filter(pk=project.pk).update(version=2)
    web.post(url, {"version": 1})  # stale
    assert Project.objects.filter(pk=project.pk).exists()
    web.post(url, {"version": 2})
    assert not Project.objects.filter(pk=project.pk).exists()
