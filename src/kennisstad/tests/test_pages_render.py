"""Every page of the registry renders for the team, in Dutch and in English."""

import pytest
from django.urls import reverse

from kennisstad.agenda.tests.factories import ActivityFactory
from kennisstad.projects.models import ProjectPartner
from kennisstad.projects.tests.factories import ProjectFactory
from kennisstad.relations.tests.factories import (
    InteractionFactory,
    OrganisationFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def registry():
    organisation = OrganisationFactory(name="UMCG", website="https://www.umcg.nl")
    person = PersonFactory(first_name="Anna", last_name="de Vries")
    person.organisations.add(organisation)
    project = ProjectFactory(title_nl="Healthy Ageing Netwerk", lead_organisation=organisation)
    ProjectPartner.objects.create(project=project, organisation=organisation, role="lead")
    activity = ActivityFactory(
        title_nl="Missie naar Tianjin",
        timezone="Asia/Shanghai",
        project=project,
        organiser_organisation=organisation,
        country="CN",
        city="Tianjin",
    )
    activity.people.add(person)
    interaction = InteractionFactory()
    interaction.organisations.add(organisation)
    return {
        "organisation": organisation,
        "person": person,
        "project": project,
        "activity": activity,
    }


def pages(registry):
    organisation, person = registry["organisation"], registry["person"]
    project, activity = registry["project"], registry["activity"]
    return [
        reverse("workspace:home"),
        reverse("accounts:profile"),
        reverse("relations:organisation-list"),
        reverse("relations:organisation-create"),
        reverse("relations:organisation-detail", args=[organisation.pk]),
        reverse("relations:organisation-update", args=[organisation.pk]),
        reverse("relations:organisation-delete", args=[organisation.pk]),
        reverse("relations:person-list"),
        reverse("relations:person-create"),
        reverse("relations:person-detail", args=[person.pk]),
        reverse("relations:person-update", args=[person.pk]),
        reverse("projects:project-list"),
        reverse("projects:project-create"),
        reverse("projects:project-detail", args=[project.pk]),
        reverse("projects:project-update", args=[project.pk]),
        reverse("agenda:activity-list") + "?all=1",
        reverse("agenda:activity-create"),
        reverse("agenda:activity-detail", args=[activity.pk]),
        reverse("agenda:activity-update", args=[activity.pk]),
        reverse("portal:home"),
        reverse("portal:accessibility"),
        reverse("api:docs"),
    ]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_page_renders_for_the_team(client_for, team_member, registry, language):
    web = client_for(team_member)
    web.cookies["django_language"] = language
    for url in pages(registry):
        response = web.get(url)
        assert response.status_code == 200, url
        if response["Content-Type"].startswith("text/html") and url != reverse("api:docs"):
            assert f'<html lang="{language}"' in response.content.decode(), url


def test_activity_page_shows_local_time_next_to_amsterdam_time(client_for, team_member, registry):
    page = client_for(team_member).get(
        reverse("agenda:activity-detail", args=[registry["activity"].pk])
    )
    text = page.content.decode()
    assert "Asia/Shanghai" in text
    assert "16:00" in text  # 09:00 in Amsterdam is 16:00 in Tianjin in December
    assert "Anna de Vries (UMCG)" in text


def test_lists_filter_in_the_url_and_answer_htmx_with_the_results_only(
    client_for, team_member, registry
):
    ProjectFactory(title_nl="Top Dutch campagne")
    web = client_for(team_member)
    page = web.get(reverse("projects:project-list"), {"q": "top dutch"})
    assert "Top Dutch campagne" in page.content.decode()
    assert "Healthy Ageing Netwerk" not in page.content.decode()
    partial = web.get(reverse("projects:project-list"), {"q": "healthy"}, HTTP_HX_REQUEST="true")
    assert "<html" not in partial.content.decode()
    assert "Healthy Ageing Netwerk" in partial.content.decode()


def test_demo_banner_shows_when_demo_data_is_loaded(client, db):
    from kennisstad.core.models import DemoDataset

    assert "ks-demo-banner" not in client.get("/").content.decode()
    DemoDataset.objects.create(scenario="test")
    from django.core.cache import cache

    cache.clear()
    assert "ks-demo-banner" in client.get("/").content.decode()
