"""Reminders about a grant's accountability go to exactly the right people, in their own
language, and never twice: before it is due to the grant's handler (the team leads when it has
none), once overdue to the handler and the team leads. Settled grants, accountability already
received, and grants still applied for are left alone."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.core.management import call_command

from kennisstad.accounts.tests.factories import UserFactory
from kennisstad.finances.grant_models import GrantReminder, GrantStatus
from kennisstad.finances.grant_reminders import send_grant_reminders
from kennisstad.finances.tests.factories import GrantFactory

pytestmark = pytest.mark.django_db
D = datetime.date
DUE = D(2019, 4, 1)


@pytest.fixture
def people(settings):
    settings.KENNISSTAD_GRANT_REMINDER_DAYS = 30
    return {
        "handler": UserFactory(username="handler", preferred_language="en"),
        "lead": UserFactory(username="lead", is_team_lead=True, preferred_language="nl"),
        "bystander": UserFactory(username="bystander"),
        "inactive_lead": UserFactory(username="gone", is_team_lead=True, is_active=False),
    }


def recipients() -> list[str]:
    return sorted(address for message in mail.outbox for address in message.to)


def test_before_the_due_date_only_the_handler_is_reminded_and_in_english(people):
    GrantFactory(owner=people["handler"], accountability_due=DUE)
    GrantFactory(owner=people["handler"], accountability_due=D(2019, 6, 1))  # not yet
    run = send_grant_reminders(today=D(2019, 3, 5))
    assert recipients() == ["handler@example.org"]
    assert (run.before, run.overdue, run.mails) == (1, 0, 1)
    assert "accountability" in mail.outbox[0].subject.lower()
    assert "/finances/grants/" in mail.outbox[0].body


def test_a_grant_without_handler_reminds_the_active_team_leads(people):
    GrantFactory(owner=None, accountability_due=DUE)
    send_grant_reminders(today=D(2019, 3, 5))
    assert recipients() == ["lead@example.org"]


def test_overdue_goes_to_the_handler_and_the_team_leads(people):
    grant = GrantFactory(owner=people["handler"], accountability_due=DUE)
    run = send_grant_reminders(today=D(2019, 4, 2))
    assert recipients() == ["handler@example.org", "lead@example.org"]
    assert (run.before, run.overdue) == (0, 1)
    reminder = GrantReminder.objects.get(grant=grant)
    assert (reminder.kind, reminder.due_on) == ("overdue", DUE)
    assert sorted(reminder.recipients) == sorted([people["handler"].pk, people["lead"].pk])


def test_no_reminder_is_sent_twice(people):
    GrantFactory(owner=people["handler"], accountability_due=DUE)
    send_grant_reminders(today=D(2019, 3, 5))
    send_grant_reminders(today=D(2019, 3, 20))
    assert len(mail.outbox) == 1
    send_grant_reminders(today=D(2019, 4, 2))  # overdue is its own reminder, once
    send_grant_reminders(today=D(2019, 5, 2))
    assert recipients() == ["handler@example.org", "handler@example.org", "lead@example.org"]


def test_a_moved_due_date_is_reminded_again(people):
    grant = GrantFactory(owner=people["handler"], accountability_due=DUE)
    send_grant_reminders(today=D(2019, 3, 5))
    grant.accountability_due = D(2019, 5, 1)
    grant.save()
    send_grant_reminders(today=D(2019, 4, 10))
    assert recipients() == ["handler@example.org", "handler@example.org"]


def test_grants_that_need_no_reminder_are_left_alone(people):
    GrantFactory(owner=people["handler"], accountability_due=DUE, accountability_received_on=DUE)
    GrantFactory(
        owner=people["handler"],
        accountability_due=DUE,
        status=GrantStatus.SETTLED,
        amount_final=Decimal("1"),
        settled_on=D(2019, 3, 1),
    )
    GrantFactory(
        owner=people["handler"],
        accountability_due=DUE,
        status=GrantStatus.APPLIED,
        decision_number="",
        granted_on=None,
    )
    send_grant_reminders(today=D(2019, 4, 2))
    send_grant_reminders(today=D(2019, 3, 5))
    assert mail.outbox == []
    assert not GrantReminder.objects.exists()


def test_each_recipient_reads_it_in_their_own_language(people):
    GrantFactory(
        owner=people["handler"],
        accountability_due=DUE,
        title_nl="Ondersteuning IWCN 2018",
        title_en="Support of the IWCN 2018",
    )
    send_grant_reminders(today=D(2019, 4, 2))
    by_address = {message.to[0]: message for message in mail.outbox}
    assert "Support of the IWCN 2018" in by_address["handler@example.org"].subject
    assert "Ondersteuning IWCN 2018" in by_address["lead@example.org"].subject


def test_the_command_takes_a_date_and_refuses_a_bad_one(people):
    GrantFactory(owner=people["handler"], accountability_due=DUE)
    call_command("send-grant-reminders", "--date", "2019-03-05")
    assert recipients() == ["handler@example.org"]
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("send-grant-reminders", "--date", "5 maart")
