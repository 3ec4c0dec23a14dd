"""Both steps of a delivered value are in the audit trail: who entered it (the partner) and who
approved or rejected it and why (a team member), and the realisation the approval made names
its approver; the event log records both steps."""

import logging

import pytest

from kennisstad.indicators.delivery_services import approve_delivery, reject_delivery
from kennisstad.indicators.tests.factories import delivered_value, partner_indicator

pytestmark = pytest.mark.django_db(transaction=True)


def trail(record) -> list[tuple[str, object, str]]:
    return [
        (row.history_type, row.history_user, row.history_change_reason, row.status)
        for row in record.history.order_by("history_date", "history_id")
    ]


def test_submission_and_approval_are_both_logged(
    partner_editor, partner_organisation, team_member, caplog
):
    indicator = partner_indicator(partner_organisation)
    with caplog.at_level(logging.INFO, logger="kennisstad.events"):
        delivered = delivered_value(indicator, partner_editor)
        approved = approve_delivery(delivered=delivered, user=team_member)
    assert trail(approved) == [
        ("+", partner_editor, "submitted", "ingediend"),
        ("~", team_member, "approved", "goedgekeurd"),
    ]
    [made] = approved.realisation.history.all()
    assert (made.history_type, made.history_user, made.origin) == ("+", team_member, "delivered")
    events = [record.event for record in caplog.records if hasattr(record, "event")]
    # The mails about each step are tasks, which log their own runs (task.delivery_mail.*).
    steps = [event for event in events if not event.startswith("task.")]
    assert steps == ["indicator.value_submitted", "indicator.value_approved"]


def test_a_rejection_is_logged_with_its_reason(
    partner_editor, partner_organisation, second_team_member
):
    indicator = partner_indicator(partner_organisation)
    delivered = delivered_value(indicator, partner_editor)
    rejected = reject_delivery(
        delivered=delivered, user=second_team_member, reason="Bron ontbreekt"
    )
    assert trail(rejected)[-1] == (
        "~",
        second_team_member,
        "rejected: Bron ontbreekt",
        "afgewezen",
    )
