"""Overdue and due-this-week tasks show on their owner's dashboard; the weekly digest lists the
recipient's overdue tasks in their language. Done tasks and cancelled events count for nothing."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from kennisstad.agenda.digest import send_digest
from kennisstad.checklists.services import apply_template, mark_done
from kennisstad.delegations.tests.factories import DelegationFactory

from .factories import template_with_items

pytestmark = pytest.mark.django_db


def _visit_in(days: int):
    start = timezone.now().replace(hour=10, minute=0) + datetime.timedelta(days=days)
    return DelegationFactory(
        activity__starts_at=start, activity__ends_at=start + datetime.timedelta(hours=4)
    )


def test_dashboard_shows_my_overdue_and_due_this_week(team_member, client_for):
    delegation = _visit_in(10)
    checklist = apply_template(
        template=template_with_items((-14, -5, -1)), user=team_member, delegation=delegation
    )
    done = checklist.tasks.get(offset_days=-1)
    mark_done(task=done, user=team_member)
    page = client_for(team_member).get(reverse("workspace:home")).content.decode()
    # Split at the section's headings by their ids (the wording waits for the Dutch catalogue).
    overdue, this_week = page.split('id="tasks-overdue"')[1].split('id="tasks-due-soon"')
    assert "Taak -14" in overdue and "Taak -5" not in overdue
    assert "Taak -5" in this_week and "Taak -1" not in this_week


def test_cancelled_events_leave_the_dashboard(team_member, client_for):
    delegation = _visit_in(3)
    apply_template(template=template_with_items((-14,)), user=team_member, delegation=delegation)
    delegation.activity.status = "cancelled"
    delegation.activity.save()
    page = client_for(team_member).get(reverse("workspace:home")).content.decode()
    assert "Taak -14" not in page


def test_digest_lists_the_recipient_s_overdue_tasks(team_member, second_team_member):
    second_team_member.preferred_language = "en"
    second_team_member.save()
    delegation = _visit_in(3)
    apply_template(template=template_with_items((-14,)), user=team_member, delegation=delegation)
    apply_template(
        template=template_with_items((-10,)), user=second_team_member, delegation=delegation
    )
    send_digest()
    by_recipient = {message.to[0]: message.body for message in mail.outbox}
    dutch, english = by_recipient[team_member.email], by_recipient[second_team_member.email]
    assert "Taak -14" in dutch and "Taak -10" not in dutch
    assert "Your overdue preparation tasks" in english and "Task -10" in english
