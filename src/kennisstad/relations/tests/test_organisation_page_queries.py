"""The organisation page reads its timeline and sections in a fixed number of queries, however
many contact moments, activities and projects the organisation has (no query per entry)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kennisstad.agenda.tests.factories import ActivityFactory
from kennisstad.projects.tests.factories import ProjectFactory
from kennisstad.relations.tests.factories import InteractionFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def _add(organisation, owner, count):
    for _ in range(count):
        interaction = InteractionFactory(owner=owner)
        interaction.organisations.add(organisation)
        ActivityFactory(organiser_organisation=organisation)
        ProjectFactory(lead_organisation=organisation)


def _queries(web, organisation):
    url = reverse("relations:organisation-detail", args=[organisation.pk])
    with CaptureQueriesContext(connection) as captured:
        response = web.get(url)
    assert response.status_code == 200
    return len(captured), response


def test_the_organisation_page_reads_a_fixed_number_of_queries(client_for, team_member):
    organisation = OrganisationFactory()
    web = client_for(team_member)
    _add(organisation, team_member, 1)
    _queries(web, organisation)  # the first request also reads what a session caches
    few, _response = _queries(web, organisation)
    _add(organisation, team_member, 6)
    many, response = _queries(web, organisation)
    assert many == few
    assert response.content.decode().count("ks-timeline__item--interaction") == 7


def test_the_projects_section_and_the_timeline_share_one_read(client_for, team_member):
    organisation = OrganisationFactory()
    _add(organisation, team_member, 3)
    web = client_for(team_member)
    _queries(web, organisation)
    url = reverse("relations:organisation-detail", args=[organisation.pk])
    with CaptureQueriesContext(connection) as captured:
        page = web.get(url).content.decode()
    reads = [
        query["sql"]
        for query in captured
        if query["sql"].lstrip().upper().startswith("SELECT")
        and 'FROM "projects_project"' in query["sql"]
    ]
    assert len(reads) == 1, reads
    assert page.count("ks-timeline__item--project") == 6  # each project starts and ends
