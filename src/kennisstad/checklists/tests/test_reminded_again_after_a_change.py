"""A reminder is about one owner and one due date: when the event moves, the date is set by
hand, the task gets another owner or it is reopened, the task is reminded again."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from kennisstad.checklists.reminders import send_task_reminders
from kennisstad.checklists.services import apply_template, mark_done, reopen, save_task
from kennisstad.delegations.tests.factories import DelegationFactory

from .factories import template_with_items

pytestmark = pytest.mark.django_db


@pytest.fixture
def reminded_task(team_member, settings):
    """A task due in two days whose owner was reminded today."""
    settings.CHECKLIST_REMINDER_DAYS = 3
    start = timezone.now().replace(hour=10, minute=0) + datetime.timedelta(days=10)
    delegation = DelegationFactory(
        activity__starts_at=start, activity__ends_at=start + datetime.timedelta(hours=4)
    )
    checklist = apply_template(
        template=template_with_items((-8,)), user=team_member, delegation=delegation
    )
    assert send_task_reminders(today=timezone.localdate()).mails == 1
    mail.outbox.clear()
    return checklist.tasks.get()


def test_event_moved_later_is_reminded_before_the_new_date(reminded_task):
    activity = reminded_task.checklist.event
    activity.starts_at += datetime.timedelta(days=60)
    activity.ends_at += datetime.timedelta(days=60)
    activity.save()
    reminded_task.refresh_from_db()
    assert reminded_task.reminded_at is None
    run = send_task_reminders(today=reminded_task.due_on - datetime.timedelta(days=2))
    assert run.mails == 1


def test_due_date_set_by_hand_is_reminded_again(reminded_task, team_member):
    new_date = reminded_task.due_on + datetime.timedelta(days=20)
    save_task(
        task=reminded_task,
        user=team_member,
        due_on=new_date,
        expected_version=reminded_task.version,
    )
    assert send_task_reminders(today=new_date - datetime.timedelta(days=1)).mails == 1


def test_new_owner_is_reminded(reminded_task, team_member, second_team_member):
    reminded_task.owner = second_team_member
    save_task(task=reminded_task, user=team_member, expected_version=reminded_task.version)
    run = send_task_reminders(today=timezone.localdate() + datetime.timedelta(days=1))
    assert run.mails == 1
    assert [message.to for message in mail.outbox] == [[second_team_member.email]]


def test_an_unrelated_edit_is_not_reminded_twice(reminded_task, team_member):
    reminded_task.description = "Ook de tolk bellen."
    save_task(task=reminded_task, user=team_member, expected_version=reminded_task.version)
    assert send_task_reminders(today=timezone.localdate()).mails == 0


def test_reopened_task_is_reminded_again(reminded_task, team_member):
    mark_done(task=reminded_task, user=team_member)
    reopen(task=reminded_task, user=team_member)
    assert send_task_reminders(today=timezone.localdate()).mails == 1
