"""The daily reminder job runs every part, and a rerun of the same day mails nobody twice."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from kennisstad.accounts.tests.factories import UserFactory
from kennisstad.finances.tests.factories import GrantFactory


@pytest.mark.django_db
def test_one_command_sends_the_grant_reminders_once():
    handler = UserFactory(role="team", email="handler@groningen.nl")
    GrantFactory(owner=handler, accountability_due=datetime.date(2019, 4, 1))
    out = StringIO()
    call_command("send-reminders", "--date", "2019-03-20", stdout=out)
    assert "send-value-reminders:" in out.getvalue()
    assert "send-grant-reminders:" in out.getvalue()
    assert "send-checklist-reminders:" in out.getvalue()
    assert [message.to for message in mail.outbox] == [["handler@groningen.nl"]]
    call_command("send-reminders", "--date", "2019-03-20", stdout=StringIO())
    assert len(mail.outbox) == 1
