"""The weekly digest as a scheduled task: a rerun on the same day (the scheduler's retry, a
second worker, the command run by hand) mails nobody twice; a mail the server refused is not
recorded, so the retry sends exactly that one; the run is logged with its counts."""

from smtplib import SMTPServerDisconnected
from unittest import mock

import pytest
from django.core import mail

from kennisstad.agenda import digest
from kennisstad.agenda.models import DigestMail
from kennisstad.agenda.tasks import send_digest_task
from kennisstad.core.tests.events import listen, logged

pytestmark = pytest.mark.django_db


def test_a_rerun_on_the_same_day_mails_nobody_twice(team_member, administrator, caplog):
    listen(caplog)
    assert send_digest_task.delay().get() == {"sent": 2, "already": 0, "failed": 0}
    assert send_digest_task.delay().get() == {"sent": 0, "already": 2, "failed": 0}
    assert len(mail.outbox) == 2
    assert DigestMail.objects.count() == 2
    assert [event["sent"] for event in logged(caplog, "task.digest.finished")] == [2, 0]


def test_a_refused_mail_is_sent_by_the_retry_and_only_that_one(
    team_member, second_team_member, caplog
):
    real_send = digest.send_mail
    refused = {"count": 0}

    def refuse_once(subject, body, sender, to, **kwargs):
        if to == [second_team_member.email] and refused["count"] == 0:
            refused["count"] += 1
            raise SMTPServerDisconnected("try later")
        return real_send(subject, body, sender, to, **kwargs)

    listen(caplog)
    with mock.patch.object(digest, "send_mail", refuse_once):
        assert send_digest_task.delay().get() == {"sent": 1, "already": 1, "failed": 0}
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [team_member.email, second_team_member.email]
    )
    [retrying] = logged(caplog, "task.digest.retrying")
    assert retrying["error"] == "TransientError"
