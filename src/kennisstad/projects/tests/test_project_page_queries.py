"""The project page reads its sections (the project's activities, its partners) in a fixed
number of queries, however many there are (no query per row)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kennisstad.agenda.tests.factories import ActivityFactory
from kennisstad.projects.models import ProjectPartner
from kennisstad.projects.tests.factories import ProjectFactory
from kennisstad.relations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def _add(project, count):
    for _ in range(count):
        ActivityFactory(project=project, organiser_organisation=OrganisationFactory())
        ProjectPartner.objects.create(project=project, organisation=OrganisationFactory())


def _queries(web, project):
    with CaptureQueriesContext(connection) as captured:
        response = web.get(reverse("projects:project-detail", args=[project.pk]))
    assert response.status_code == 200
    return len(captured), response


def test_the_project_page_reads_a_fixed_number_of_queries(client_for, team_member):
    project = ProjectFactory()
    web = client_for(team_member)
    _add(project, 1)
    _queries(web, project)  # the first request also reads what a session caches
    few, _response = _queries(web, project)
    _add(project, 6)
    many, response = _queries(web, project)
    assert many == few
    page = response.content.decode()
    for activity in project.activities.all():
        assert reverse("agenda:activity-detail", args=[activity.pk]) in page
    assert project.activities.count() == 7
