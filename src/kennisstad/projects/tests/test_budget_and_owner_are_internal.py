"""A project's budget and owner are the municipality's business: the team and readers see them,
partners (even of their own project) and the public see neither, on the page nor in the API."""

import pytest
from django.urls import reverse

from kennisstad.projects.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def test_partners_and_the_public_see_no_budget_or_owner(
    client_for, api_client_for, team_member, reader, partner_editor, partner_organisation
):
    project = ProjectFactory(
        is_public=True, budget=654321, owner=team_member, lead_organisation=partner_organisation
    )
    url = reverse("projects:project-detail", args=[project.pk])
    api = f"/api/v1/projects/{project.pk}/"
    for user in (team_member, reader):
        assert "654.321" in client_for(user).get(url).content.decode()
        assert api_client_for(user).get(api).json()["budget"] == "654321.00"
    assert "654.321" not in client_for(partner_editor).get(url).content.decode()
    for user in (partner_editor, None):
        data = api_client_for(user).get(api).json()
        assert "budget" not in data and "owner" not in data
    export = client_for(partner_editor).get(reverse("projects:project-list") + "?format=csv")
    assert "654321" not in b"".join(export.streaming_content).decode()
