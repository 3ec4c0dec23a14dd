"""Every status a project gets is dated in its status history with who set it: created or
edited in the form, through the API, by a spreadsheet import or by a service call. A save that
leaves the status alone adds nothing."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from kennisstad.projects.models import Project
from kennisstad.projects.services import save_project
from kennisstad.projects.tests.factories import ProjectFactory, category
from kennisstad.workspace.imports import import_file

pytestmark = pytest.mark.django_db
D = datetime.date


def history(project: Project) -> list[tuple[str, datetime.date, object]]:
    return [
        (change.status, change.changed_on, change.changed_by)
        for change in project.status_changes.order_by("id")
    ]


def form_data(project: Project | None = None, **changes) -> dict:
    data = {
        "title_nl": project.title_nl if project else "Waterstofcampus",
        "category": project.category_id if project else category().pk,
        "status": project.status if project else "planned",
        "start_date": "2018-03-01",
        "end_date": "",
        "partners-TOTAL_FORMS": "0",
        "partners-INITIAL_FORMS": "0",
        "partners-MIN_NUM_FORMS": "0",
        "partners-MAX_NUM_FORMS": "1000",
    }
    if project is not None:
        data["version"] = project.version
    data.update(changes)
    return data


def test_the_form_records_creation_and_every_status_change(client_for, team_member):
    today = timezone.localdate()
    web = client_for(team_member)
    assert web.post(reverse("projects:project-create"), form_data()).status_code == 302
    project = Project.objects.get(title_nl="Waterstofcampus")
    assert history(project) == [("planned", today, team_member)]

    url = reverse("projects:project-update", args=[project.pk])
    assert web.post(url, form_data(project, title_nl="Waterstofcampus Zernike")).status_code == 302
    assert len(history(project)) == 1  # the status did not change
    project.refresh_from_db()
    assert web.post(url, form_data(project, status="active")).status_code == 302
    # Set running (for the first time) after its start date: it began on its start date.
    assert history(project)[-1] == ("active", D(2018, 3, 1), team_member)


def test_the_api_records_the_status_with_its_start_date(api_client_for, team_member):
    api = api_client_for(team_member)
    response = api.post(
        "/api/v1/projects/",
        {
            "title_nl": "Healthy Ageing Tianjin",
            "category": category().code,
            "status": "active",
            "start_date": "2017-09-01",
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    project = Project.objects.get(pk=response.json()["id"])
    assert history(project) == [("active", D(2017, 9, 1), team_member)]
    url = f"/api/v1/projects/{project.pk}/"
    changed = api.patch(
        url, {"status": "completed", "end_date": "2018-06-30"}, format="json", HTTP_IF_MATCH='"1"'
    )
    assert changed.status_code == 200, changed.content
    assert history(project)[-1] == ("completed", D(2018, 6, 30), team_member)


def test_an_import_records_the_status(team_member):
    data = (
        b"Titel (Nederlands);Categorie;Status;Begindatum;Einddatum\n"
        b"Smart Users City;profilering-kennisstad;Afgerond;2018-01-01;31-12-2019\n"
    )
    import_file(data=data, filename="p.csv", kind="projects", user=team_member)
    project = Project.objects.get(title_nl="Smart Users City")
    # Completed without a running row before it: it ran from its start date to its end date.
    assert history(project) == [
        ("active", D(2018, 1, 1), team_member),
        ("completed", D(2019, 12, 31), team_member),
    ]


def test_a_service_call_records_who_changed_it(team_member):
    project = ProjectFactory(status="planned", start_date=None, end_date=None)
    project.status = "cancelled"
    save_project(project=project, user=team_member, expected_version=project.version)
    assert [(status, by) for status, _on, by in history(project)] == [
        ("planned", None),
        ("cancelled", team_member),
    ]


def test_the_project_page_lists_the_history(client_for, team_member):
    project = ProjectFactory(status="active", start_date=D(2018, 1, 15), end_date=None)
    page = client_for(team_member).get(reverse("projects:project-detail", args=[project.pk]))
    section = page.content.decode().split('id="status-heading"')[1].split("</section>")[0]
    assert "15 januari 2018" in section and "Actief" in section
