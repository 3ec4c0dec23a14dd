"""After a deadline (from the day after) each active team lead gets one mail listing what is
still missing per owner, indicators without owner as "no owner"; owners get no second mail."""

import datetime

import pytest
from django.core import mail

from kennisstad.accounts.models import Role
from kennisstad.accounts.tests.factories import UserFactory
from kennisstad.indicators.reminder_services import send_value_reminders
from kennisstad.indicators.tests.deadline_setup import DUE, chapter_with, complete, owned_indicators
from kennisstad.policy.tests.factories import DeadlineFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def lead():
    UserFactory(username="former-lead", is_team_lead=True, is_active=False)
    return UserFactory(
        username="lead", role=Role.TEAM_MEMBER, is_team_lead=True, preferred_language="en"
    )


def test_the_team_lead_gets_the_list_per_owner_from_the_day_after(lead):
    alice = UserFactory(username="alice", first_name="Alice", last_name="Visser")
    indicators = owned_indicators(alice=alice, nobody=None, done=alice)
    chapter_with(*indicators.values())
    complete(indicators["done"])
    DeadlineFactory(due_on=DUE)
    send_value_reminders(today=DUE)
    assert [m.to for m in mail.outbox] == [["alice@example.org"]]  # on the day: owners only
    mail.outbox.clear()
    send_value_reminders(today=DUE + datetime.timedelta(days=1))
    [message] = mail.outbox
    assert message.to == ["lead@example.org"]
    assert "Alice Visser:\n- 2.1.4 Indicator alice" in message.body
    assert "No owner:\n- 2.1.4 Indicator nobody" in message.body
    assert "Indicator done" not in message.body
    send_value_reminders(today=DUE + datetime.timedelta(days=2))
    assert len(mail.outbox) == 1  # once


def test_nothing_missing_means_no_mail_for_the_lead(lead):
    indicators = owned_indicators(done=None)
    chapter_with(*indicators.values())
    complete(indicators["done"])
    DeadlineFactory(due_on=DUE)
    send_value_reminders(today=DUE + datetime.timedelta(days=1))
    assert mail.outbox == []


def test_a_long_closed_deadline_mails_nobody(lead):
    chapter_with(*owned_indicators(nobody=None).values())
    DeadlineFactory(due_on=DUE)
    send_value_reminders(today=DUE + datetime.timedelta(days=90))
    assert mail.outbox == []
