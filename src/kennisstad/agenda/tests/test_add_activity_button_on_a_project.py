"""A project's page offers "Add activity" (added by ``agenda``) to who may change the project."""

import pytest
from django.urls import reverse

from kennisstad.projects.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def test_the_team_may_plan_an_activity_for_the_project(client_for, team_member, reader):
    project = ProjectFactory(is_public=True)
    page = reverse("projects:project-detail", args=[project.pk])
    link = f'{reverse("agenda:activity-create")}?project={project.pk}"'
    assert link in client_for(team_member).get(page).content.decode()
    assert link not in client_for(reader).get(page).content.decode()
