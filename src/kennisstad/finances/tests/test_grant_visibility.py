"""Who sees which grant: the team and readers every grant (only the team edits), a partner
editor only its own organisation's, anonymous visitors none: on the pages and in the API."""

import pytest
from django.urls import reverse

from kennisstad.finances.grant_filters import GrantFilter
from kennisstad.finances.tests.factories import GrantFactory
from kennisstad.projects.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def grants(partner_organisation):
    own = GrantFactory(organisation=partner_organisation, title_nl="Conferentie Healthy Ageing")
    other = GrantFactory(title_nl="Ondersteuning IWCN")
    return own, other


@pytest.mark.parametrize("role", ["team", "administrator", "reader"])
def test_the_municipality_sees_every_grant(client_for, users_by_role, grants, role):
    page = client_for(users_by_role[role]).get(reverse("finances:grant-list"))
    assert page.status_code == 200
    assert {grant.pk for grant in page.context["object_list"]} == {g.pk for g in grants}
    for grant in grants:
        assert (
            client_for(users_by_role[role])
            .get(reverse("finances:grant-detail", args=[grant.pk]))
            .status_code
            == 200
        )


def test_a_partner_sees_only_its_own_organisations_grants(client_for, partner_editor, grants):
    own, other = grants
    web = client_for(partner_editor)
    page = web.get(reverse("finances:grant-list"))
    assert [grant.pk for grant in page.context["object_list"]] == [own.pk]
    assert "Ondersteuning IWCN" not in page.content.decode()
    assert web.get(reverse("finances:grant-detail", args=[own.pk])).status_code == 200
    assert web.get(reverse("finances:grant-detail", args=[other.pk])).status_code == 404
    assert web.get(reverse("finances:grant-update", args=[own.pk])).status_code == 403
    assert web.get(reverse("finances:grant-create")).status_code == 403


def test_a_partners_totals_count_only_its_own_grants(client_for, partner_editor, grants):
    page = client_for(partner_editor).get(reverse("finances:grant-list"))
    assert page.context["grand_total"].count == 1


def test_a_reader_reads_but_does_not_edit(client_for, reader, grants):
    web = client_for(reader)
    assert web.get(reverse("finances:grant-update", args=[grants[0].pk])).status_code == 403
    response = web.post(
        reverse("finances:grant-step", args=[grants[0].pk, "withdraw"]),
        {"withdrawn_on": "2018-04-03", "reason": "x", "version": grants[0].version},
    )
    assert response.status_code == 403
    grants[0].refresh_from_db()
    assert grants[0].status == "verleend"


def test_anonymous_visitors_see_no_grant(client, api_client_for, grants):
    page = client.get(reverse("finances:grant-list"))
    assert page.status_code == 302 and "login" in page["Location"]
    assert client.get(reverse("finances:grant-detail", args=[grants[0].pk])).status_code == 302
    assert api_client_for(None).get("/api/v1/grants/").status_code in (401, 403)
    assert api_client_for(None).get(f"/api/v1/grants/{grants[0].pk}/").status_code in (401, 403)


def test_the_api_shows_a_partner_only_its_own(api_client_for, partner_editor, grants):
    own, other = grants
    api = api_client_for(partner_editor)
    listed = api.get("/api/v1/grants/").json()["results"]
    assert [row["id"] for row in listed] == [own.pk]
    assert api.get(f"/api/v1/grants/{other.pk}/").status_code == 404
    refused = api.post(
        f"/api/v1/grants/{own.pk}/withdraw/",
        {"withdrawn_on": "2018-04-03", "reason": "x", "version": own.version},
        format="json",
    )
    assert refused.status_code == 403


def test_the_organisation_and_project_pages_show_their_grants(client_for, team_member):
    project = ProjectFactory()
    grant = GrantFactory(project=project, title_nl="Top Dutch-campagne 2018")
    web = client_for(team_member)
    organisation_page = web.get(
        reverse("relations:organisation-detail", args=[grant.organisation.pk])
    )
    project_page = web.get(reverse("projects:project-detail", args=[project.pk]))
    detail = reverse("finances:grant-detail", args=[grant.pk])
    assert detail in organisation_page.content.decode()
    assert detail in project_page.content.decode()
    assert (
        f"{reverse('finances:grant-create')}?project={project.pk}" in project_page.content.decode()
    )


def test_a_partner_does_not_see_anothers_grant_on_a_project_page(client_for, partner_editor):
    project = ProjectFactory(is_public=True)
    grant = GrantFactory(project=project)
    page = client_for(partner_editor).get(reverse("projects:project-detail", args=[project.pk]))
    assert page.status_code == 200
    assert reverse("finances:grant-detail", args=[grant.pk]) not in page.content.decode()


def test_a_partner_is_not_offered_other_applicants_in_the_filter(
    client_for, partner_editor, grants
):
    own, other = grants
    # The API schema builds the class's form field once; a page must not inherit its choices.
    assert GrantFilter.base_filters["organisation"].field is not None
    page = client_for(partner_editor).get(reverse("finances:grant-list"))
    choices = list(page.context["filterset"].form.fields["organisation"].queryset)
    assert choices == [own.organisation]
    refused = client_for(partner_editor).get(
        reverse("finances:grant-list"), {"organisation": other.organisation.pk}
    )
    assert other not in list(refused.context["object_list"])
