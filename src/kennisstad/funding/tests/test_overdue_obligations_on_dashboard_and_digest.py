"""A report or audit past its due date and not done shows on the team's dashboard and in every
team member's weekly digest; one done, or not yet due, does not. Readers and partners get no
digest section."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from kennisstad.agenda.digest import digest_sections, send_digest
from kennisstad.funding.models import ObligationKind

from .factories import ApplicationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def obligations():
    today = timezone.localdate()
    application = ApplicationFactory(
        title_nl="Noordzee havensteden", title_en="North Sea port cities"
    )
    for kind, days, done in (
        (ObligationKind.INTERIM, -20, None),
        (ObligationKind.AUDIT, -5, today),
        (ObligationKind.FINAL, 30, None),
    ):
        application.obligations.create(
            kind=kind, due_on=today + datetime.timedelta(days=days), done_on=done
        )
    return application


def test_the_dashboard_shows_the_overdue_report(obligations, team_member, client_for):
    page = client_for(team_member).get(reverse("workspace:home")).content.decode()
    section = page.split('id="obligations-heading"')[1].split("</section>")[0]
    assert "Noordzee havensteden" in section
    assert section.count("<li") == 1  # the audit is done, the final report not yet due


def test_the_digest_lists_it_for_the_team(obligations, team_member, reader):
    team_member.preferred_language = "en"
    team_member.save()
    send_digest()
    body = next(message.body for message in mail.outbox if message.to == [team_member.email])
    assert "Overdue reports to funders" in body
    assert "Interim report — North Sea port cities" in body
    today = timezone.localdate()
    assert digest_sections(reader, today=today, days=14) == []


def test_nothing_overdue_adds_no_section(team_member):
    assert digest_sections(team_member, today=timezone.localdate(), days=14) == []
