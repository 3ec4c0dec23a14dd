"""A reminder goes to exactly the owners with missing values: before the deadline each owner
with a missing figure gets one mail listing it (a partner organisation: each active partner
editor with an e-mail), owners whose figures are in get none, a rerun sends nothing twice, and
a partner's value counts only once it is approved."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.core.management import call_command

from kennisstad.accounts.models import Role
from kennisstad.accounts.tests.factories import UserFactory
from kennisstad.indicators.models import (
    DeliveredValue,
    DeliveryStatus,
    Origin,
    Realisation,
    ValueReminder,
)
from kennisstad.indicators.reminder_services import send_value_reminders
from kennisstad.indicators.tests.deadline_setup import DUE, chapter_with, complete, owned_indicators
from kennisstad.indicators.tests.factories import TargetFactory
from kennisstad.policy.tests.factories import DeadlineFactory
from kennisstad.relations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db
BEFORE = DUE - datetime.timedelta(days=10)


@pytest.fixture
def scene():
    alice = UserFactory(username="alice", role=Role.TEAM_MEMBER, preferred_language="en")
    bob = UserFactory(username="bob", role=Role.TEAM_MEMBER)
    iwcn = OrganisationFactory(name="International Welcome Center North")
    editor = UserFactory(username="iwcn-editor", role=Role.PARTNER_EDITOR, organisation=iwcn)
    UserFactory(username="iwcn-gone", role=Role.PARTNER_EDITOR, organisation=iwcn, is_active=False)
    UserFactory(username="iwcn-nomail", role=Role.PARTNER_EDITOR, organisation=iwcn, email="")
    UserFactory(username="iwcn-team", role=Role.TEAM_MEMBER, organisation=iwcn)
    indicators = owned_indicators(alice=alice, bob=bob, iwcn=iwcn, nobody=None)
    chapter_with(*indicators.values())
    complete(indicators["bob"])
    DeadlineFactory(due_on=DUE, remind_days_before=14)
    return {"alice": alice, "bob": bob, "editor": editor, "iwcn": iwcn, **indicators}


def recipients() -> list[str]:
    return sorted(address for message in mail.outbox for address in message.to)


def test_a_reminder_goes_to_exactly_the_owners_with_missing_values(scene):
    send_value_reminders(today=BEFORE)
    assert recipients() == ["alice@example.org", "iwcn-editor@example.org"]
    to_alice = next(m for m in mail.outbox if m.to == ["alice@example.org"])
    assert "Indicator alice" in to_alice.body and "Indicator bob" not in to_alice.body
    assert "Indicator iwcn" not in to_alice.body
    assert "achieved 2017, target 2019" in to_alice.body  # in her own language
    assert to_alice.subject.startswith("Figures still missing for begroting 2019")


def test_a_rerun_sends_nothing_twice(scene):
    send_value_reminders(today=BEFORE)
    send_value_reminders(today=BEFORE + datetime.timedelta(days=1))
    call_command("send-value-reminders", "--date", BEFORE.isoformat())
    assert recipients() == ["alice@example.org", "iwcn-editor@example.org"]


def test_no_reminder_before_the_window_and_none_once_all_is_in(scene):
    send_value_reminders(today=DUE - datetime.timedelta(days=15))
    assert mail.outbox == []
    complete(scene["alice"])
    complete(scene["iwcn"])
    send_value_reminders(today=BEFORE)
    assert mail.outbox == []


def test_a_partner_value_counts_only_once_approved(scene):
    TargetFactory(indicator=scene["iwcn"], year=2019)
    delivered = DeliveredValue.objects.create(
        indicator=scene["iwcn"],
        year=2017,
        value=Decimal("812"),
        measured_on=datetime.date(2018, 1, 31),
        source="IWCN bezoekersregistratie",
        organisation=scene["iwcn"].owner_organisation,
        submitted_by=scene["editor"],
    )
    send_value_reminders(today=BEFORE)
    assert "iwcn-editor@example.org" in recipients()  # awaiting approval: still missing
    mail.outbox.clear()
    ValueReminder.objects.all().delete()  # as if the reminders were still to be sent
    delivered.realisation = Realisation.objects.create(
        indicator=scene["iwcn"],
        year=2017,
        value=delivered.value,
        origin=Origin.DELIVERED,
        measured_on=delivered.measured_on,
    )
    delivered.status = DeliveryStatus.APPROVED
    delivered.save()
    complete(scene["alice"])
    send_value_reminders(today=BEFORE + datetime.timedelta(days=1))
    assert mail.outbox == []  # approved: the IWCN owes nothing any more, Alice neither


def test_dry_run_sends_and_records_nothing(scene):
    call_command("send-value-reminders", "--date", BEFORE.isoformat(), "--dry-run")
    assert mail.outbox == []
    send_value_reminders(today=BEFORE)
    assert len(mail.outbox) == 2
