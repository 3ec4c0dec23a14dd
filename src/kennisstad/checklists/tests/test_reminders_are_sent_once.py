"""Each owner gets one mail with their tasks due within CHECKLIST_REMINDER_DAYS days; each task
is reminded once; done tasks and cancelled events are never reminded."""

import datetime
from io import StringIO
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from kennisstad.checklists.models import Task
from kennisstad.checklists.reminders import send_task_reminders
from kennisstad.checklists.services import apply_template, mark_done
from kennisstad.checklists.tasks import send_task_reminders_task
from kennisstad.delegations.tests.factories import DelegationFactory

from .factories import template_with_items

pytestmark = pytest.mark.django_db


def _visit_in(days: int, **kwargs):
    start = timezone.now().replace(hour=10, minute=0) + datetime.timedelta(days=days)
    return DelegationFactory(
        activity__starts_at=start, activity__ends_at=start + datetime.timedelta(hours=4), **kwargs
    )


def test_one_mail_per_owner_each_task_once(team_member, second_team_member, settings):
    settings.CHECKLIST_REMINDER_DAYS = 3
    today = timezone.localdate()
    delegation = _visit_in(10)
    checklist = apply_template(
        template=template_with_items((-9, -8, -7, -1)), user=team_member, delegation=delegation
    )
    mark_done(task=checklist.tasks.get(offset_days=-9), user=team_member)
    run = send_task_reminders(today=today)
    assert (run.mails, run.tasks) == (1, 2)  # -8 and -7: due in 2 and 3 days
    (message,) = mail.outbox
    assert message.to == [team_member.email]
    assert "Taak -8" in message.body and "Taak -7" in message.body
    assert "Taak -1" not in message.body and "Taak -9" not in message.body
    assert send_task_reminders(today=today).mails == 0
    assert Task.objects.filter(reminded_at__isnull=False).count() == 2


def test_cancelled_events_are_not_reminded(team_member):
    delegation = _visit_in(2, activity__status="cancelled")
    apply_template(template=template_with_items((0,)), user=team_member, delegation=delegation)
    assert send_task_reminders(today=timezone.localdate(), days=3).mails == 0


def test_a_failed_mail_is_retried_next_run(team_member):
    delegation = _visit_in(2)
    apply_template(template=template_with_items((0,)), user=team_member, delegation=delegation)
    with mock.patch("kennisstad.checklists.reminders.send_mail", side_effect=OSError):
        assert send_task_reminders(today=timezone.localdate(), days=3).failed == 1
    assert not Task.objects.filter(reminded_at__isnull=False).exists()
    assert send_task_reminders(today=timezone.localdate(), days=3).mails == 1


def test_the_task_runs_the_reminders(team_member):
    delegation = _visit_in(1)
    apply_template(template=template_with_items((0,)), user=team_member, delegation=delegation)
    result = send_task_reminders_task.apply().get()
    assert result["mails"] == 1


def test_the_command_reminds_as_of_a_date(team_member):
    delegation = _visit_in(30)
    apply_template(template=template_with_items((-3,)), user=team_member, delegation=delegation)
    day = (timezone.localdate() + datetime.timedelta(days=25)).isoformat()
    out = StringIO()
    call_command("send-checklist-reminders", "--date", day, stdout=out)
    assert "1 mail(s) about 1 task(s)" in out.getvalue()
    assert len(mail.outbox) == 1
