"""Two people edit the same project from the same version: the second save is refused with a
clear message, keeps its input, and the first edit stays intact."""

import pytest
from django.urls import reverse

from kennisstad.projects.models import Project
from kennisstad.projects.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def form_data(project: Project, **changes) -> dict:
    data = {
        "title_nl": project.title_nl,
        "title_en": project.title_en,
        "category": project.category_id,
        "status": project.status,
        "start_date": project.start_date.isoformat(),
        "end_date": project.end_date.isoformat(),
        "version": project.version,
        "partners-TOTAL_FORMS": "0",
        "partners-INITIAL_FORMS": "0",
        "partners-MIN_NUM_FORMS": "0",
        "partners-MAX_NUM_FORMS": "1000",
    }
    data.update(changes)
    return data


def test_second_form_save_from_the_same_version_is_refused(
    client_for, team_member, second_team_member
):
    project = ProjectFactory(title_nl="Healthy Ageing samenwerking")
    url = reverse("projects:project-update", args=[project.pk])
    first, second = client_for(team_member), client_for(second_team_member)
    # Both open the edit page at version 1.
    assert first.get(url).context["form"]["version"].value() == 1
    assert second.get(url).context["form"]["version"].value() == 1

    saved = first.post(url, form_data(project, title_nl="Healthy Ageing Agenda"))
    assert saved.status_code == 302

    refused = second.post(url, form_data(project, title_nl="Healthy Ageing Netwerk"))
    assert refused.status_code == 409
    page = refused.content.decode()
    assert str(team_member) in page  # "changed by <first editor> since you opened it"
    assert 'value="Healthy Ageing Netwerk"' in page  # the second user's input is kept
    assert "Healthy Ageing Agenda" in page  # and the other change is shown

    project.refresh_from_db()
    assert project.title_nl == "Healthy Ageing Agenda"
    assert project.version == 2
    assert project.updated_by == team_member


def test_saving_again_after_reviewing_the_conflict_succeeds(
    client_for, team_member, second_team_member
):
    project = ProjectFactory()
    url = reverse("projects:project-update", args=[project.pk])
    client_for(team_member).post(url, form_data(project, title_nl="Eerste"))
    second = client_for(second_team_member)
    refused = second.post(url, form_data(project, title_nl="Tweede"))
    assert refused.context["form"]["version"].value() == 2  # the reviewed version
    accepted = second.post(url, form_data(project, title_nl="Tweede", version=2))
    assert accepted.status_code == 302
    project.refresh_from_db()
    assert (project.title_nl, project.version) == ("Tweede", 3)


def test_stale_if_match_gets_412(api_client_for, team_member, second_team_member):
    project = ProjectFactory(title_nl="Top Dutch")
    url = f"/api/v1/projects/{project.pk}/"
    etag = api_client_for(team_member).get(url)["ETag"]
    assert etag == '"1"'
    first = api_client_for(team_member).patch(
        url, {"title_nl": "Top Dutch 2018"}, format="json", HTTP_IF_MATCH=etag
    )
    assert first.status_code == 200
    assert first["ETag"] == '"2"'
    second = api_client_for(second_team_member).patch(
        url, {"title_nl": "Top Dutch campagne"}, format="json", HTTP_IF_MATCH=etag
    )
    assert second.status_code == 412
    project.refresh_from_db()
    assert project.title_nl == "Top Dutch 2018"


def test_stale_body_version_gets_409(api_client_for, team_member):
    project = ProjectFactory()
    url = f"/api/v1/projects/{project.pk}/"
    client = api_client_for(team_member)
    assert client.patch(url, {"title_nl": "A", "version": 1}, format="json").status_code == 200
    response = client.patch(url, {"title_nl": "B", "version": 1}, format="json")
    assert response.status_code == 409
    assert "1" in response.json()["detail"] and "2" in response.json()["detail"]  # yours and now
    project.refresh_from_db()
    assert project.title_nl == "A"


def test_write_without_a_version_gets_428(api_client_for, team_member):
    project = ProjectFactory()
    response = api_client_for(team_member).patch(
        f"/api/v1/projects/{project.pk}/", {"title_nl": "Zonder versie"}, format="json"
    )
    assert response.status_code == 428
    project.refresh_from_db()
    assert project.title_nl != "Zonder versie"


def test_stale_delete_is_refused(api_client_for, team_member):
    project = ProjectFactory()
    client = api_client_for(team_member)
    url = f"/api/v1/projects/{project.pk}/"
    client.patch(url, {"title_nl": "Gewijzigd", "version": 1}, format="json")
    assert client.delete(url, HTTP_IF_MATCH='"1"').status_code == 412
    assert Project.objects.filter(pk=project.pk).exists()
    assert client.delete(url, HTTP_IF_MATCH='"2"').status_code == 204
