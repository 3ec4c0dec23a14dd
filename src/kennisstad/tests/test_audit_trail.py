"""Every change is kept: who changed what, when, through the web, the API and services."""

import pytest
from django.urls import reverse

from kennisstad.projects.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def test_api_change_is_recorded_with_its_author(api_client_for, team_member):
    project = ProjectFactory(title_nl="Groningen Digital City")
    response = api_client_for(team_member).patch(
        f"/api/v1/projects/{project.pk}/",
        {"title_nl": "Groningen Digital City 2.0", "version": project.version},
        format="json",
    )
    assert response.status_code == 200
    latest = project.history.first()
    assert latest.history_user == team_member
    assert latest.history_type == "~"
    delta = latest.diff_against(latest.prev_record)
    changes = {change.field: (change.old, change.new) for change in delta.changes}
    assert changes["title_nl"] == ("Groningen Digital City", "Groningen Digital City 2.0")
    assert (latest.prev_record.version, latest.version) == (1, 2)


def test_form_change_is_recorded_and_shown_on_the_project_page(client_for, team_member):
    project = ProjectFactory(status="planned")
    web = client_for(team_member)
    data = {
        "title_nl": project.title_nl,
        "category": project.category_id,
        "status": "active",
        "start_date": "2018-01-01",
        "version": project.version,
        "partners-TOTAL_FORMS": "0",
        "partners-INITIAL_FORMS": "0",
        "partners-MIN_NUM_FORMS": "0",
        "partners-MAX_NUM_FORMS": "1000",
    }
    assert web.post(reverse("projects:project-update", args=[project.pk]), data).status_code == 302
    statuses = list(project.history.values_list("status", flat=True))
    assert statuses == ["active", "planned"]
    assert project.history.first().history_user == team_member
    page = web.get(reverse("projects:project-detail", args=[project.pk])).content.decode()
    history = page[page.index('id="history-heading"') :]
    assert str(team_member) in history  # who (the header also names the viewer: look below it)
    assert "Gepland → Actief" in history  # what: the status change, in Dutch


def test_deletion_is_recorded(api_client_for, team_member):
    project = ProjectFactory()
    pk = project.pk
    response = api_client_for(team_member).delete(f"/api/v1/projects/{pk}/", HTTP_IF_MATCH='"1"')
    assert response.status_code == 204
    deleted = type(project).history.filter(id=pk).first()
    assert deleted.history_type == "-"
    assert deleted.history_user == team_member
