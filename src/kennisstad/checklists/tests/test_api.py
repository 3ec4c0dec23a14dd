"""The checklists API: the team applies templates and ticks tasks off; readers read; partners
and anonymous callers get nothing."""

import pytest

from kennisstad.checklists.models import ChecklistTemplate
from kennisstad.delegations.tests.factories import DelegationFactory, at

from .factories import template_with_items

pytestmark = pytest.mark.django_db


def test_team_creates_a_template_applies_it_and_ticks_off(team_member, api_client_for):
    api = api_client_for(team_member)
    response = api.post(
        "/api/v1/checklist-templates/",
        {
            "name_nl": "Beursstand",
            "kind": "conference_stand",
            "items": [{"title_nl": "Stand boeken", "offset_days": -60}],
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    template = ChecklistTemplate.objects.get(name_nl="Beursstand")
    delegation = DelegationFactory(activity__starts_at=at(2027, 5, 20))
    response = api.post(
        "/api/v1/checklists/",
        {"template": template.pk, "delegation": delegation.pk},
        format="json",
    )
    assert response.status_code == 201, response.json()
    (task,) = response.json()["tasks"]
    assert task["due_on"] == "2027-03-21" and task["follows_event"] is True
    response = api.post(f"/api/v1/checklist-tasks/{task['id']}/done/")
    assert response.status_code == 200 and response.json()["done_by"] == team_member.pk
    response = api.patch(
        f"/api/v1/checklist-tasks/{task['id']}/",
        {"due_on": "2027-03-01", "version": response.json()["version"]},
        format="json",
    )
    assert response.status_code == 200 and response.json()["follows_event"] is False


def test_exactly_one_record_is_required(team_member, api_client_for):
    template = template_with_items()
    delegation = DelegationFactory()
    response = api_client_for(team_member).post(
        "/api/v1/checklists/",
        {"template": template.pk, "delegation": delegation.pk, "activity": delegation.activity_id},
        format="json",
    )
    assert response.status_code == 400


def test_readers_read_partners_and_anonymous_get_nothing(
    reader, partner_editor, team_member, api_client_for
):
    template = template_with_items()
    assert api_client_for(reader).get("/api/v1/checklist-templates/").status_code == 200
    response = api_client_for(reader).post(
        "/api/v1/checklists/",
        {"template": template.pk, "delegation": DelegationFactory().pk},
        format="json",
    )
    assert response.status_code == 403
    for user in (partner_editor, None):
        for url in (
            "/api/v1/checklist-templates/",
            "/api/v1/checklists/",
            "/api/v1/checklist-tasks/",
        ):
            assert api_client_for(user).get(url).status_code in (401, 403)
