"""Only team members own tasks: a partner or reader can never be made owner (API, services),
so nobody outside the team is mailed a reminder naming an internal visit; an owner who has
left the team is no longer reminded."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from kennisstad.checklists.models import ChecklistTemplate, Task
from kennisstad.checklists.reminders import send_task_reminders
from kennisstad.checklists.services import apply_template, save_task, save_template
from kennisstad.delegations.tests.factories import DelegationFactory

from .factories import template_with_items

pytestmark = pytest.mark.django_db


@pytest.fixture
def task(team_member):
    start = timezone.now().replace(hour=10, minute=0) + datetime.timedelta(days=10)
    delegation = DelegationFactory(
        activity__starts_at=start,
        activity__ends_at=start + datetime.timedelta(hours=4),
        activity__visibility="internal",
    )
    checklist = apply_template(
        template=template_with_items((-8,)), user=team_member, delegation=delegation
    )
    return checklist.tasks.get()


def test_api_refuses_a_partner_as_owner(task, team_member, partner_editor, api_client_for):
    response = api_client_for(team_member).patch(
        f"/api/v1/checklist-tasks/{task.pk}/",
        {"owner": partner_editor.pk},
        format="json",
        HTTP_IF_MATCH='"1"',
    )
    assert response.status_code == 400 and "owner" in response.json()
    task.refresh_from_db()
    assert task.owner == team_member


def test_api_refuses_a_partner_as_default_owner(team_member, partner_editor, api_client_for):
    response = api_client_for(team_member).post(
        "/api/v1/checklist-templates/",
        {
            "name_nl": "Receptie",
            "kind": "reception",
            "items": [{"title_nl": "Zaal", "offset_days": -1, "default_owner": partner_editor.pk}],
        },
        format="json",
    )
    assert response.status_code == 400 and "items" in response.json()
    assert not ChecklistTemplate.objects.filter(name_nl="Receptie").exists()


def test_services_refuse_a_non_team_owner(task, team_member, reader):
    task.owner = reader
    with pytest.raises(ValidationError) as refused:
        save_task(task=task, user=team_member)
    assert "owner" in refused.value.message_dict
    template = template_with_items((-1,))
    row = {"title_nl": "Zaal", "offset_days": -1, "default_owner": reader}
    with pytest.raises(ValidationError) as refused:
        save_template(template=template, user=team_member, expected_version=1, items=[row])
    assert "items" in refused.value.message_dict
    assert Task.objects.get(pk=task.pk).owner == team_member


def test_an_owner_who_left_the_team_is_not_reminded(task, team_member, settings):
    settings.CHECKLIST_REMINDER_DAYS = 30
    team_member.role = "partner"
    team_member.save()
    assert send_task_reminders(today=timezone.localdate()).mails == 0
    assert mail.outbox == []
