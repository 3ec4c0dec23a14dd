"""Mails about delivered figures go through a task queued once the submission is committed, one
per recipient: a mail server that is down does not undo or break the partner's submission (the
mail is retried, for that recipient only, then logged as failed), and a submission that rolls
back queues nothing."""

from smtplib import SMTPServerDisconnected
from unittest import mock

import pytest
from django.conf import settings
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend

from kennisstad.accounts.models import Role
from kennisstad.accounts.tests.factories import UserFactory
from kennisstad.core.tests.events import listen, logged
from kennisstad.indicators.models import DeliveredValue
from kennisstad.indicators.tests.factories import delivered_value, partner_indicator

pytestmark = pytest.mark.django_db


@pytest.fixture
def indicator(partner_organisation):
    return partner_indicator(partner_organisation, name_nl="Aantal bezoekers", name_en="Visitors")


def test_a_mail_server_that_is_down_does_not_break_the_submission(
    indicator, partner_editor, caplog, django_capture_on_commit_callbacks
):
    lead = UserFactory(role=Role.TEAM_MEMBER, is_team_lead=True)
    UserFactory(role=Role.TEAM_MEMBER, is_team_lead=True, email="second-lead@example.org")
    real_send = EmailBackend.send_messages

    def refuse_the_first_lead(self, messages):
        if messages[0].to == [lead.email]:
            raise SMTPServerDisconnected("down")
        return real_send(self, messages)

    listen(caplog)
    with (
        mock.patch.object(EmailBackend, "send_messages", refuse_the_first_lead),
        django_capture_on_commit_callbacks(execute=True),
    ):
        delivered = delivered_value(indicator, partner_editor)
    assert DeliveredValue.objects.filter(pk=delivered.pk).exists()
    assert [message.to for message in mail.outbox] == [["second-lead@example.org"]]
    retries = logged(caplog, "task.delivery_mail.retrying")
    assert len(retries) == settings.KENNISSTAD_TASK_MAX_RETRIES
    assert {event["error"] for event in retries} == {"TransientError"}
    [failed] = logged(caplog, "task.delivery_mail.failed")
    assert failed["attempt"] == settings.KENNISSTAD_TASK_MAX_RETRIES + 1
    [sent] = logged(caplog, "task.delivery_mail.finished")
    assert sent["sent"] == 1


def test_the_mail_goes_through_the_task_after_the_commit(
    indicator, partner_editor, team_member, django_capture_on_commit_callbacks
):
    with mock.patch("kennisstad.indicators.tasks.send_delivery_mail.delay") as delay:
        delivered = delivered_value(indicator, partner_editor)
        delay.assert_not_called()  # not before the commit: the worker must find the value
        with django_capture_on_commit_callbacks(execute=True):
            delivered_value(indicator, partner_editor, year=2018)
    [call] = delay.call_args_list
    assert call.args[1:] == (team_member.pk, "submitted")
    assert call.args[0] != delivered.pk
