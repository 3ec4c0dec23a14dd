"""A delivered value is approved by a team member who did not enter it (four eyes): not by the
one who entered it, not by a partner or a reader. Approval makes the realisation (origin
"delivered", with the value's peildatum, source and note); a value is decided only once."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kennisstad.accounts.models import Role
from kennisstad.indicators.delivery_services import approve_delivery, reject_delivery
from kennisstad.indicators.models import DeliveryStatus, Origin, Realisation
from kennisstad.indicators.tests.factories import delivered_value, partner_indicator

pytestmark = pytest.mark.django_db


@pytest.fixture
def delivered(partner_editor, partner_organisation):
    indicator = partner_indicator(partner_organisation)
    return delivered_value(indicator, partner_editor, note="Incl. Expat Fair")


def test_the_one_who_entered_it_cannot_approve_it(delivered, partner_editor):
    # Even once the partner's editor has joined the team, the value needs another pair of eyes.
    partner_editor.role, partner_editor.organisation = Role.TEAM_MEMBER, None
    partner_editor.save()
    for decide in (approve_delivery, reject_delivery):
        kwargs = {"reason": "x"} if decide is reject_delivery else {}
        with pytest.raises(PermissionDenied, match="vier ogen"):
            decide(delivered=delivered, user=partner_editor, **kwargs)
    delivered.refresh_from_db()
    assert delivered.status == DeliveryStatus.SUBMITTED
    assert not Realisation.objects.exists()


def test_partners_and_readers_cannot_approve(delivered, partner_editor, reader):
    for user in (partner_editor, reader):
        with pytest.raises(PermissionDenied):
            approve_delivery(delivered=delivered, user=user)
    assert not Realisation.objects.exists()


def test_a_team_member_approves_and_the_realisation_is_made(delivered, team_member):
    approved = approve_delivery(delivered=delivered, user=team_member, note="Akkoord")
    realisation = Realisation.objects.get()
    assert approved.status == DeliveryStatus.APPROVED
    assert approved.realisation == realisation
    assert (approved.reviewed_by, approved.review_note) == (team_member, "Akkoord")
    assert approved.reviewed_at is not None
    assert realisation.origin == Origin.DELIVERED
    assert (realisation.year, realisation.value) == (2017, Decimal("12500"))
    assert realisation.measured_on == datetime.date(2018, 1, 15)
    assert "Bezoekersregistratie IWCN" in realisation.note
    assert "Incl. Expat Fair" in realisation.note


def test_an_administrator_may_approve_too(delivered, administrator):
    assert approve_delivery(delivered=delivered, user=administrator).status == "goedgekeurd"


def test_a_value_is_decided_once_and_a_rejection_needs_its_reason(
    delivered, team_member, second_team_member
):
    with pytest.raises(ValidationError):
        reject_delivery(delivered=delivered, user=team_member, reason="  ")
    approve_delivery(delivered=delivered, user=team_member)
    with pytest.raises(ValidationError):
        reject_delivery(delivered=delivered, user=second_team_member, reason="Te laat")
    with pytest.raises(ValidationError):
        approve_delivery(delivered=delivered, user=second_team_member)
    assert Realisation.objects.count() == 1
