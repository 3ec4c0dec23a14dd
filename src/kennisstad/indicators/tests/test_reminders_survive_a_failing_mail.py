"""One recipient's mail server refusing does not stop the others' reminders, and that reminder
is not recorded, so the next run sends it; a partner editor's link opens its delivery page (the
indicator page is the municipality's); the team-lead flag on a partner account is ignored."""

import datetime
from smtplib import SMTPRecipientsRefused
from unittest import mock

import pytest
from django.core import mail
from django.urls import reverse

from kennisstad.accounts.models import Role
from kennisstad.accounts.tests.factories import UserFactory
from kennisstad.indicators import reminder_services
from kennisstad.indicators.models import ValueReminder
from kennisstad.indicators.reminder_services import send_value_reminders
from kennisstad.indicators.tests.deadline_setup import DUE, chapter_with, owned_indicators
from kennisstad.policy.tests.factories import DeadlineFactory
from kennisstad.relations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db
BEFORE = DUE - datetime.timedelta(days=10)
AFTER = DUE + datetime.timedelta(days=1)


@pytest.fixture
def scene():
    alice = UserFactory(username="alice", role=Role.TEAM_MEMBER)
    bob = UserFactory(username="bob", role=Role.TEAM_MEMBER)
    iwcn = OrganisationFactory(name="International Welcome Center North")
    editor = UserFactory(
        username="iwcn-editor", role=Role.PARTNER_EDITOR, organisation=iwcn, is_team_lead=True
    )
    indicators = owned_indicators(alice=alice, bob=bob, iwcn=iwcn, nobody=None)
    chapter_with(*indicators.values())
    DeadlineFactory(due_on=DUE, remind_days_before=14)
    return {"alice": alice, "bob": bob, "editor": editor, **indicators}


def test_a_refused_mail_is_retried_and_the_others_still_go(scene):
    real_send = reminder_services.send_mail

    def refuse_alice(subject, body, sender, to, **kwargs):
        if to == ["alice@example.org"]:
            raise SMTPRecipientsRefused({to[0]: (550, b"mailbox unavailable")})
        return real_send(subject, body, sender, to, **kwargs)

    with mock.patch.object(reminder_services, "send_mail", refuse_alice):
        send_value_reminders(today=BEFORE)
    delivered = sorted(address for message in mail.outbox for address in message.to)
    assert "alice@example.org" not in delivered
    assert "bob@example.org" in delivered and "iwcn-editor@example.org" in delivered
    assert not ValueReminder.objects.filter(recipient__username="alice").exists()
    mail.outbox.clear()
    send_value_reminders(today=BEFORE)  # the next run
    assert [message.to for message in mail.outbox] == [["alice@example.org"]]


def test_a_partner_editor_is_sent_to_its_delivery_page(scene):
    send_value_reminders(today=BEFORE)
    to_partner = next(m for m in mail.outbox if m.to == ["iwcn-editor@example.org"])
    assert reverse("indicators:deliver", args=[scene["iwcn"].pk]) in to_partner.body
    assert reverse("indicators:indicator-detail", args=[scene["iwcn"].pk]) not in to_partner.body


def test_a_team_lead_flag_on_a_partner_account_gets_no_overdue_list(scene):
    lead = UserFactory(username="lead", role=Role.TEAM_MEMBER, is_team_lead=True)
    send_value_reminders(today=AFTER)
    assert sorted(address for message in mail.outbox for address in message.to) == [lead.email]
