"""The daily reminder task queues each kind of reminder as its own task (figures, grants,
checklist tasks, agreements expiring); each records what it sent, so the task run twice on one
day mails nobody twice."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from kennisstad.accounts.tests.factories import UserFactory
from kennisstad.core.tests.events import listen, logged
from kennisstad.finances.tests.factories import GrantFactory
from kennisstad.workspace.tasks import send_reminders

pytestmark = pytest.mark.django_db


def test_the_daily_task_runs_every_part_and_a_rerun_sends_nothing(caplog):
    handler = UserFactory(role="team", email="handler@groningen.nl")
    GrantFactory(owner=handler, accountability_due=timezone.localdate() + datetime.timedelta(10))
    listen(caplog)
    assert send_reminders.delay().get() == {"queued": 4}
    send_reminders.delay()
    assert [message.to for message in mail.outbox] == [["handler@groningen.nl"]]
    assert [e["mails"] for e in logged(caplog, "task.grant_reminders.finished")] == [1, 0]
    assert [e["sent"] for e in logged(caplog, "task.value_reminders.finished")] == [0, 0]
    assert [e["mails"] for e in logged(caplog, "task.checklist_reminders.finished")] == [0, 0]
    assert [e["mails"] for e in logged(caplog, "task.agreement_reminders.finished")] == [0, 0]
    assert len(logged(caplog, "task.reminders.finished")) == 2
