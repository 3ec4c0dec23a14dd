"""The weekly digest mails each team member the coming two weeks, in their own language."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from kennisstad.agenda.tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db


def test_each_team_member_gets_the_coming_two_weeks_in_their_language(
    team_member, second_team_member, reader, partner_editor
):
    second_team_member.preferred_language = "en"
    second_team_member.save()
    soon = timezone.now() + datetime.timedelta(days=3)
    ActivityFactory(
        title_nl="Ontvangst delegatie",
        title_en="Delegation reception",
        starts_at=soon,
        ends_at=soon + datetime.timedelta(hours=2),
    )
    later = timezone.now() + datetime.timedelta(days=40)
    ActivityFactory(
        title_nl="Beurs later", starts_at=later, ends_at=later + datetime.timedelta(hours=2)
    )
    call_command("send-digest", stdout=io.StringIO())
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert set(by_recipient) == {team_member.email, second_team_member.email}
    dutch, english = by_recipient[team_member.email], by_recipient[second_team_member.email]
    assert "Ontvangst delegatie" in dutch.body and "Beurs later" not in dutch.body
    assert dutch.subject.startswith("Internationale")
    assert "Delegation reception" in english.body and english.subject.startswith("International")
