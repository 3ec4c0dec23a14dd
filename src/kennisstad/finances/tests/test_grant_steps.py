"""A grant moves aangevraagd → verleend → vastgesteld, or is withdrawn, only by its steps:
each sets the decision's fields, is logged with the user, and a step the status does not
allow is refused saying why, with nothing written."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from kennisstad.core.concurrency import StaleVersionError
from kennisstad.finances.grant_models import Grant, GrantStatus
from kennisstad.finances.grant_services import (
    allowed_steps,
    award_grant,
    save_grant,
    settle_grant,
    withdraw_grant,
)
from kennisstad.finances.tests.factories import GrantFactory

pytestmark = pytest.mark.django_db
D = datetime.date


def application(**kwargs):
    return GrantFactory(
        status=GrantStatus.APPLIED,
        decision_number="",
        amount_granted=None,
        granted_on=None,
        amount_requested=Decimal("160000"),
        **kwargs,
    )


def test_an_application_is_granted_with_its_decision_and_the_user_in_the_history(team_member):
    grant = application()
    award_grant(
        grant=grant,
        decision_number=" SUB-2017-0412 ",
        amount_granted=Decimal("150000"),
        granted_on=D(2017, 12, 12),
        accountability_due=D(2019, 4, 1),
        user=team_member,
        expected_version=grant.version,
    )
    stored = Grant.objects.get(pk=grant.pk)
    assert (stored.status, stored.decision_number) == (GrantStatus.GRANTED, "SUB-2017-0412")
    assert (stored.amount_granted, stored.granted_on) == (Decimal("150000"), D(2017, 12, 12))
    assert stored.accountability_due == D(2019, 4, 1)
    newest = stored.history.order_by("-history_id").first()
    assert newest.history_user == team_member
    assert newest.history_change_reason in ("Granted", "Verleend")
    assert allowed_steps(stored) == ["settle", "withdraw"]


def test_settling_sets_the_final_amount_and_the_accountability(team_member):
    grant = GrantFactory()
    settle_grant(
        grant=grant,
        amount_final=Decimal("146300"),
        settled_on=D(2019, 6, 1),
        accountability_received_on=D(2019, 3, 28),
        user=team_member,
    )
    stored = Grant.objects.get(pk=grant.pk)
    assert stored.status == GrantStatus.SETTLED
    assert stored.amount_final == Decimal("146300")
    assert stored.accountability_received_on == D(2019, 3, 28)
    assert stored.amount == Decimal("146300")
    assert allowed_steps(stored) == []


def test_withdrawing_keeps_the_reason_in_the_audit_trail(team_member):
    grant = application()
    withdraw_grant(
        grant=grant,
        withdrawn_on=D(2018, 4, 3),
        reason="Afgelast door de aanvrager",
        user=team_member,
    )
    stored = Grant.objects.get(pk=grant.pk)
    assert (stored.status, stored.withdrawn_on) == (GrantStatus.WITHDRAWN, D(2018, 4, 3))
    reason = stored.history.order_by("-history_id").first().history_change_reason
    assert "Afgelast door de aanvrager" in reason


def test_a_withdrawn_grant_is_not_settled(team_member):
    grant = application()
    withdraw_grant(grant=grant, withdrawn_on=D(2018, 4, 3), reason="Afgelast", user=team_member)
    with pytest.raises(ValidationError) as refused:
        settle_grant(
            grant=grant,
            amount_final=Decimal("1"),
            settled_on=D(2019, 6, 1),
            accountability_received_on=D(2019, 3, 1),
            user=team_member,
        )
    assert "ingetrokken" in " ".join(refused.value.messages).lower()
    stored = Grant.objects.get(pk=grant.pk)
    assert (stored.status, stored.amount_final) == (GrantStatus.WITHDRAWN, None)


@pytest.mark.parametrize(
    ("status", "step"),
    [
        (GrantStatus.GRANTED, "award"),
        (GrantStatus.APPLIED, "settle"),
        (GrantStatus.SETTLED, "withdraw"),
    ],
)
def test_a_step_the_status_does_not_allow_is_refused(team_member, status, step):
    grant = GrantFactory(
        status=status,
        amount_final=Decimal("100") if status == GrantStatus.SETTLED else None,
        settled_on=D(2019, 6, 1) if status == GrantStatus.SETTLED else None,
    )
    version = grant.version
    calls = {
        "award": lambda: award_grant(
            grant=grant,
            decision_number="X",
            amount_granted=Decimal("1"),
            granted_on=D(2018, 1, 1),
            user=team_member,
        ),
        "settle": lambda: settle_grant(
            grant=grant,
            amount_final=Decimal("1"),
            settled_on=D(2019, 6, 1),
            accountability_received_on=D(2019, 3, 1),
            user=team_member,
        ),
        "withdraw": lambda: withdraw_grant(
            grant=grant, withdrawn_on=D(2018, 1, 1), reason="x", user=team_member
        ),
    }
    with pytest.raises(ValidationError):
        calls[step]()
    assert Grant.objects.get(pk=grant.pk).version == version


def test_settling_before_the_accountability_came_in_is_refused(team_member):
    grant = GrantFactory()
    with pytest.raises(ValidationError) as refused:
        settle_grant(
            grant=grant,
            amount_final=Decimal("1"),
            settled_on=D(2019, 3, 1),
            accountability_received_on=D(2019, 4, 1),
            user=team_member,
        )
    assert "accountability_received_on" in refused.value.message_dict
    assert Grant.objects.get(pk=grant.pk).status == GrantStatus.GRANTED


def test_a_step_on_a_stale_page_is_refused(team_member, second_team_member):
    grant = GrantFactory()
    read_version = grant.version
    save_grant(
        grant=Grant.objects.get(pk=grant.pk), user=second_team_member, expected_version=read_version
    )
    with pytest.raises(StaleVersionError):
        withdraw_grant(
            grant=grant,
            withdrawn_on=D(2018, 4, 3),
            reason="x",
            user=team_member,
            expected_version=read_version,
        )
    assert Grant.objects.get(pk=grant.pk).status == GrantStatus.GRANTED


def test_an_edit_does_not_change_the_status(team_member):
    grant = GrantFactory()
    grant.status = GrantStatus.SETTLED
    with pytest.raises(ValidationError) as refused:
        save_grant(grant=grant, user=team_member, expected_version=grant.version)
    assert "status" in refused.value.message_dict


def test_a_grant_is_booked_on_a_policy_field_not_a_programme(team_member):
    grant = GrantFactory.build()
    grant.organisation.save()
    grant.policy_area = grant.policy_area.parent.parent
    with pytest.raises(ValidationError) as refused:
        save_grant(grant=grant, user=team_member)
    assert "policy_area" in refused.value.message_dict
    assert not Grant.objects.exists()
