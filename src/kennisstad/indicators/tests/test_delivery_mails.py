"""Mails about delivered values, each in the recipient's language: a submitted value goes to the
team leads (or the whole team when no one leads); the decision goes to the partner who
entered it, a rejection with its reason."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from kennisstad.accounts.models import Role
from kennisstad.accounts.tests.factories import UserFactory
from kennisstad.indicators.delivery_services import approve_delivery, reject_delivery
from kennisstad.indicators.tests.factories import delivered_value, partner_indicator

pytestmark = pytest.mark.django_db


@pytest.fixture
def indicator(partner_organisation):
    return partner_indicator(partner_organisation, name_nl="Aantal bezoekers", name_en="Visitors")


def test_a_submission_goes_to_the_team_leads(
    indicator, partner_editor, team_member, django_capture_on_commit_callbacks
):
    lead = UserFactory(role=Role.TEAM_MEMBER, is_team_lead=True, preferred_language="en")
    UserFactory(role=Role.READER)
    with django_capture_on_commit_callbacks(execute=True):
        delivered_value(indicator, partner_editor)
    [message] = mail.outbox
    assert message.to == [lead.email]
    assert message.subject == "Value to approve: Visitors 2017"
    assert "12.500" in message.body and "Bezoekersregistratie IWCN" in message.body
    assert "/indicators/deliveries/awaiting/" in message.body


def test_without_a_lead_the_whole_team_hears_of_it(
    indicator,
    partner_editor,
    team_member,
    administrator,
    reader,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        delivered_value(indicator, partner_editor)
    assert sorted(m.to[0] for m in mail.outbox) == sorted([team_member.email, administrator.email])
    # Dutch by default: the indicator is named in Dutch (the subject's wording is translated
    # once the lead compiles the pending translations).
    assert all(m.subject.endswith(": Aantal bezoekers 2017") for m in mail.outbox)


def test_the_partner_hears_the_decision_in_its_language(
    indicator, partner_editor, team_member, django_capture_on_commit_callbacks
):
    partner_editor.preferred_language = "en"
    partner_editor.save()
    first = delivered_value(indicator, partner_editor)
    second = delivered_value(indicator, partner_editor, year=2018)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        approve_delivery(delivered=first, user=team_member)
        reject_delivery(delivered=second, user=team_member, reason="Peildatum ontbreekt")
    approved, rejected = mail.outbox
    assert approved.to == rejected.to == [partner_editor.email]
    assert approved.subject == "Your value was approved: Visitors 2017"
    assert rejected.subject == "Your value was rejected: Visitors 2018"
    assert "Peildatum ontbreekt" in rejected.body


def test_nothing_is_sent_for_a_refused_submission(
    indicator, partner_editor, team_member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        delivered_value(indicator, partner_editor, source="")
    assert mail.outbox == []
