"""Making a project public (it appears on the portal and in the anonymous API) or taking it
off is a logged publication; other edits and a stale edit log none."""

import pytest

from kennisstad.core.tests.events import listen, logged
from kennisstad.projects.models import Project
from kennisstad.projects.services import save_project
from kennisstad.projects.tests.factories import ProjectFactory, category

pytestmark = pytest.mark.django_db


@pytest.fixture
def events(caplog, django_capture_on_commit_callbacks):
    listen(caplog)
    return django_capture_on_commit_callbacks


def patch(client, project, **changes):
    return client.patch(
        f"/api/v1/projects/{project.pk}/",
        {**changes, "version": project.version},
        format="json",
    )


def test_publishing_and_withdrawing_a_project_are_logged(
    api_client_for, team_member, caplog, events
):
    project = ProjectFactory(is_public=False)
    client = api_client_for(team_member)
    with events(execute=True):
        assert patch(client, project, is_public=True).status_code == 200
        project.refresh_from_db()
        assert patch(client, project, title_nl="Top Dutch 2").status_code == 200
        project.refresh_from_db()
        assert patch(client, project, is_public=False).status_code == 200
    assert logged(caplog) == [
        {
            "event": "publication.project.published",
            "actor": f"user:{team_member.pk}",
            "project": project.pk,
        },
        {
            "event": "publication.project.withdrawn",
            "actor": f"user:{team_member.pk}",
            "project": project.pk,
        },
    ]


def test_a_new_public_project_is_published_and_a_new_internal_one_is_not(
    team_member, caplog, events
):
    with events(execute=True):
        internal = save_project(project=Project(title_nl="Intern", category=category()), user=None)
        public = save_project(
            project=Project(title_nl="Openbaar", category=category(), is_public=True),
            user=team_member,
        )
    assert [(event["event"], event["project"]) for event in logged(caplog)] == [
        ("publication.project.published", public.pk)
    ]
    assert internal.pk != public.pk


def test_a_stale_publication_logs_nothing(api_client_for, team_member, caplog, events):
    project = ProjectFactory(is_public=False)
    Project.objects.filter(pk=project.pk).update(version=project.version + 1)
    with events(execute=True):
        response = patch(api_client_for(team_member), project, is_public=True)
    assert response.status_code == 409
    assert logged(caplog) == []
