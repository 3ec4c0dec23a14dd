"""The dashboard lists the first ten overdue tasks; when there are more it says how many in all
and leads to "my tasks", which lists every one."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from kennisstad.checklists.services import apply_template
from kennisstad.delegations.tests.factories import DelegationFactory

from .factories import template_with_items

pytestmark = pytest.mark.django_db


def _overdue_tasks(user, count: int) -> None:
    start = timezone.now().replace(hour=10, minute=0) + datetime.timedelta(days=5)
    delegation = DelegationFactory(
        activity__starts_at=start, activity__ends_at=start + datetime.timedelta(hours=4)
    )
    offsets = tuple(range(-30, -30 + count))
    apply_template(template=template_with_items(offsets), user=user, delegation=delegation)


def _overdue_section(response) -> str:
    page = response.content.decode()
    return page.split('id="tasks-overdue"')[1].split('id="tasks-due-soon"')[0]


def test_more_than_ten_overdue_shows_the_total_and_leads_to_my_tasks(team_member, client_for):
    _overdue_tasks(team_member, 12)
    client = client_for(team_member)
    response = client.get(reverse("workspace:home"))
    section = _overdue_section(response)
    assert section.count("<li") == 10
    assert response.context["tasks_overdue_total"] == 12
    assert " 12 " in section and reverse("checklists:my-tasks") in section
    my_tasks = client.get(reverse("checklists:my-tasks"))
    assert len(my_tasks.context["overdue"]) == 12


def test_a_short_list_needs_no_count(team_member, client_for):
    _overdue_tasks(team_member, 2)
    response = client_for(team_member).get(reverse("workspace:home"))
    section = _overdue_section(response)
    assert section.count("<li") == 2
    assert reverse("checklists:my-tasks") not in section
