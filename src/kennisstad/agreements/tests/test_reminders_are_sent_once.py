"""The relationship owner is mailed once before an agreement expires: a rerun, a restarted
worker or an edit made with an old copy of the agreement never mails twice; a changed expiry
date is reminded again. Without an owner who can be mailed the agreement is skipped."""

import datetime
from io import StringIO
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from kennisstad.agreements.models import Agreement
from kennisstad.agreements.reminders import send_expiry_reminders
from kennisstad.agreements.services import save_agreement
from kennisstad.agreements.tasks import send_expiry_reminders_task

from .factories import AgreementFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def expiring(team_member, settings):
    settings.AGREEMENT_REMINDER_DAYS = 90
    today = timezone.localdate()
    return AgreementFactory(
        title_nl="Stedenband Tianjin",
        expires_on=today + datetime.timedelta(days=60),
        relationship_owner=team_member,
    )


def test_one_mail_then_none(expiring, team_member):
    AgreementFactory(expires_on=timezone.localdate() + datetime.timedelta(days=400))
    today = timezone.localdate()
    run = send_expiry_reminders(today=today)
    assert (run.mails, run.agreements) == (1, 1)
    (message,) = mail.outbox
    assert message.to == [team_member.email]
    assert "Stedenband Tianjin" in message.body
    assert f"/agreements/{expiring.pk}/" in message.body
    assert send_expiry_reminders(today=today).mails == 0
    assert send_expiry_reminders_task.apply().get()["mails"] == 0
    assert len(mail.outbox) == 1


def test_an_edit_from_an_old_copy_keeps_the_mark(expiring, team_member):
    stale_copy = Agreement.objects.get(pk=expiring.pk)
    send_expiry_reminders(today=timezone.localdate())
    stale_copy.summary_nl = "Aangevuld"
    save_agreement(agreement=stale_copy, user=team_member, expected_version=stale_copy.version)
    assert send_expiry_reminders(today=timezone.localdate()).mails == 0


def test_a_changed_expiry_is_reminded_again(expiring, team_member):
    send_expiry_reminders(today=timezone.localdate())
    expiring.refresh_from_db()
    expiring.expires_on += datetime.timedelta(days=10)
    save_agreement(agreement=expiring, user=team_member, expected_version=expiring.version)
    assert Agreement.objects.get(pk=expiring.pk).reminded_for is None
    assert send_expiry_reminders(today=timezone.localdate()).mails == 1
    assert len(mail.outbox) == 2


def test_a_failed_mail_is_retried_next_run(expiring):
    with mock.patch("kennisstad.agreements.reminders.send_mail", side_effect=OSError):
        assert send_expiry_reminders(today=timezone.localdate()).failed == 1
    assert Agreement.objects.get(pk=expiring.pk).reminded_for is None
    assert send_expiry_reminders(today=timezone.localdate()).mails == 1


def test_no_owner_to_mail_is_skipped(settings):
    settings.AGREEMENT_REMINDER_DAYS = 90
    AgreementFactory(expires_on=timezone.localdate() + datetime.timedelta(days=30))
    run = send_expiry_reminders(today=timezone.localdate())
    assert (run.mails, run.skipped) == (0, 1)


def test_the_command_reminds_as_of_a_date(expiring):
    day = (timezone.localdate() - datetime.timedelta(days=100)).isoformat()
    out = StringIO()
    call_command("send-agreement-reminders", "--date", day, stdout=out)
    assert "0 mail(s)" in out.getvalue()
    call_command("send-agreement-reminders", stdout=out)
    assert "1 mail(s) about 1 agreement(s)" in out.getvalue()
