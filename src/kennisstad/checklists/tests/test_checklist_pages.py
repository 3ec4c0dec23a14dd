"""The checklist pages: the team applies a template on the record's page and ticks tasks off
with a plain form; readers read; partners and visitors see nothing of checklists."""

import pytest
from django.urls import reverse

from kennisstad.checklists.models import ChecklistTemplate, Task
from kennisstad.checklists.services import apply_template
from kennisstad.delegations.tests.factories import DelegationFactory, at

from .factories import template_with_items

pytestmark = pytest.mark.django_db


@pytest.fixture
def checklist(team_member):
    delegation = DelegationFactory(
        activity__starts_at=at(2027, 5, 20),
        activity__ends_at=at(2027, 5, 21),
        activity__visibility="partners",
    )
    return apply_template(
        template=template_with_items((-14, 0)), user=team_member, delegation=delegation
    )


def test_apply_on_the_delegation_page_then_tick_off(team_member, client_for):
    delegation = DelegationFactory(activity__starts_at=at(2027, 5, 20))
    template = template_with_items((-14,))
    client = client_for(team_member)
    detail = reverse("delegations:delegation-detail", args=[delegation.pk])
    page = client.get(detail).content.decode()
    apply_url = reverse("checklists:apply-delegation", args=[delegation.pk])
    assert apply_url in page
    assert client.get(apply_url).status_code == 200
    response = client.post(apply_url, {"template": template.pk})
    assert response.status_code == 302 and response.url.startswith(detail)
    task = Task.objects.get(checklist__delegation=delegation)
    page = client.get(detail).content.decode()
    assert task.title in page and reverse("checklists:task-done", args=[task.pk]) in page
    response = client.post(reverse("checklists:task-done", args=[task.pk]), {"next": detail})
    assert response.url == detail
    task.refresh_from_db()
    assert task.done_by == team_member and task.done_at is not None
    client.post(reverse("checklists:task-reopen", args=[task.pk]))
    task.refresh_from_db()
    assert task.done_at is None and task.history.count() == 3


def test_apply_on_an_activity_page(team_member, client_for, checklist):
    activity = checklist.delegation.activity
    client = client_for(team_member)
    page = client.get(reverse("agenda:activity-detail", args=[activity.pk])).content.decode()
    assert reverse("checklists:apply-activity", args=[activity.pk]) in page
    # The delegation's preparation shows on its visit's page too.
    assert "Taak -14" in page


def test_readers_read_but_do_not_tick_off(reader, client_for, checklist):
    client = client_for(reader)
    task = checklist.tasks.first()
    detail = reverse("delegations:delegation-detail", args=[checklist.delegation_id])
    page = client.get(detail).content.decode()
    assert task.title in page
    assert reverse("checklists:task-done", args=[task.pk]) not in page
    assert (
        client.get(reverse("checklists:checklist-detail", args=[checklist.pk])).status_code == 200
    )
    assert client.post(reverse("checklists:task-done", args=[task.pk])).status_code == 403
    assert client.get(reverse("checklists:task-update", args=[task.pk])).status_code == 403


def test_partners_and_visitors_see_nothing(partner_editor, client_for, checklist):
    task = checklist.tasks.first()
    urls = [
        reverse("checklists:template-list"),
        reverse("checklists:my-tasks"),
        reverse("checklists:checklist-detail", args=[checklist.pk]),
        reverse("checklists:apply-activity", args=[checklist.delegation.activity_id]),
    ]
    partner = client_for(partner_editor)
    for url in urls:
        assert partner.get(url).status_code == 403
    assert partner.post(reverse("checklists:task-done", args=[task.pk])).status_code == 403
    anonymous = client_for(None)
    for url in urls:
        assert anonymous.get(url).status_code == 302
    page = partner.get(reverse("agenda:activity-detail", args=[checklist.delegation.activity_id]))
    assert task.title not in page.content.decode()


def test_create_a_template_with_its_tasks(team_member, second_team_member, client_for):
    data = {
        "name_nl": "Receptie",
        "name_en": "Reception",
        "kind": "reception",
        "is_active": "on",
        "items-TOTAL_FORMS": "2",
        "items-INITIAL_FORMS": "0",
        "items-0-title_nl": "Zaal reserveren",
        "items-0-offset_days": "-30",
        "items-0-default_owner": str(second_team_member.pk),
        # An extra row left empty, as the browser sends it (the defaults filled in).
        "items-1-title_nl": "",
        "items-1-offset_days": "0",
        "items-1-order": "0",
    }
    client = client_for(team_member)
    response = client.post(reverse("checklists:template-create"), data)
    assert response.status_code == 302, (
        response.context["form"].errors,
        response.context["formset"].errors,
    )
    template = ChecklistTemplate.objects.get(name_nl="Receptie")
    (item,) = template.items.all()
    assert (item.offset_days, item.default_owner) == (-30, second_team_member)
    edit = client.get(reverse("checklists:template-update", args=[template.pk]))
    assert "Zaal reserveren" in edit.content.decode()


def test_edit_a_task_reassigns_and_fixes_its_date(
    team_member, second_team_member, client_for, checklist
):
    task = checklist.tasks.get(offset_days=-14)
    response = client_for(team_member).post(
        reverse("checklists:task-update", args=[task.pk]),
        {
            "title_nl": task.title_nl,
            "owner": second_team_member.pk,
            "due": "2027-05-01",
            "version": task.version,
        },
    )
    assert response.status_code == 302
    task.refresh_from_db()
    assert task.owner == second_team_member and task.offset_days is None
    assert str(task.due_on) == "2027-05-01"


def test_my_tasks(team_member, client_for, checklist):
    page = client_for(team_member).get(reverse("checklists:my-tasks")).content.decode()
    assert "Taak -14" in page and "Taak +0" in page


def test_remove_a_checklist_applied_by_mistake(team_member, reader, client_for, checklist):
    url = reverse("checklists:checklist-delete", args=[checklist.pk])
    assert client_for(reader).post(url).status_code == 403
    response = client_for(team_member).post(url)
    assert response.url == reverse("delegations:delegation-detail", args=[checklist.delegation_id])
    assert not Task.objects.filter(checklist_id=checklist.pk).exists()
    assert checklist.history.filter(history_type="-").exists()


def test_the_delegations_list_leads_to_the_templates(reader, partner_editor, client_for):
    url = reverse("checklists:template-list")
    page = client_for(reader).get(reverse("delegations:delegation-list")).content.decode()
    assert url in page
    page = client_for(partner_editor).get(reverse("delegations:delegation-list")).content.decode()
    assert url not in page
