"""Writes of grants: recording an application or editing one, and the steps of its life.

The steps, and why they are steps rather than free edits: each is a decision with its own
date and document, and the audit trail should say which decision was taken by whom.
- aangevraagd → verleend (``award_grant``): the decision (beschikking) with its number, the
  amount granted and the date.
- verleend → vastgesteld (``settle_grant``): after the recipient's accountability
  (verantwoording), the amount finally set, the date of the vaststelling and the date the
  accountability came in.
- aangevraagd or verleend → ingetrokken (``withdraw_grant``): the date and the reason; the
  reason goes in the audit trail's change reason. A settled grant is final and is not withdrawn
  here (that would be a new decision, a recovery, outside this register).
A step the grant's status does not allow is refused with a message naming both; every step
checks the version the editor read, like every other write (``core.concurrency``).
"""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kennisstad.core.services import save_record
from kennisstad.core.typing import UserLike

from .grant_models import Grant, GrantStatus

# Fields the edit form and the API may change freely; status and the decisions' fields change
# only through the steps below.
EDITABLE_FIELDS = (
    "organisation",
    "title_nl",
    "title_en",
    "policy_area",
    "taakveld",
    "project",
    "amount_requested",
    "period_start",
    "period_end",
    "conditions",
    "applied_on",
    "accountability_due",
    "accountability_received_on",
    "owner",
)
# Which step may start from which status.
ALLOWED_FROM = {
    "award": (GrantStatus.APPLIED,),
    "settle": (GrantStatus.GRANTED,),
    "withdraw": (GrantStatus.APPLIED, GrantStatus.GRANTED),
}


def _check_policy_field(grant: Grant) -> None:
    if grant.policy_area_id and grant.policy_area.level != "policy_field":
        raise ValidationError({"policy_area": _("Choose a policy field, not a programme.")})


@transaction.atomic
def save_grant(
    *, grant: Grant, user: UserLike, expected_version: int | None = None, change_reason: str = ""
) -> Grant:
    """Record a new grant (an application, or one already decided on when the register is
    filled afterwards) or save an edit of its descriptive fields. An edit never changes the
    status: that is a step (``award_grant``, ``settle_grant``, ``withdraw_grant``)."""
    if not grant._state.adding:
        stored = Grant.objects.filter(pk=grant.pk).values("status", "version").first()
        # A stale version is the version check's to report (who changed it, and when).
        if (
            stored is not None
            and stored["version"] == expected_version
            and (stored["status"] != grant.status)
        ):
            raise ValidationError(
                {"status": _("The status changes only by granting, settling or withdrawing.")}
            )
    _check_policy_field(grant)
    return save_record(
        instance=grant, user=user, expected_version=expected_version, change_reason=change_reason
    )


def _locked(grant: Grant, step: str, expected_version: int | None) -> int:
    """The version to check against, after refusing a step the stored status does not allow."""
    stored = Grant.objects.select_for_update().get(pk=grant.pk)
    if stored.status not in ALLOWED_FROM[step]:
        messages = {
            "award": _("Only an application is granted; this grant is %(status)s."),
            "settle": _("Only a granted grant is settled; this grant is %(status)s."),
            "withdraw": _(
                "A settled or withdrawn grant cannot be withdrawn; this grant is %(status)s."
            ),
        }
        raise ValidationError(messages[step] % {"status": stored.get_status_display()})
    return stored.version if expected_version is None else expected_version


@transaction.atomic
def award_grant(
    *,
    grant: Grant,
    decision_number: str,
    amount_granted: Decimal,
    granted_on: datetime.date,
    user: UserLike,
    expected_version: int | None = None,
    accountability_due: datetime.date | None = None,
) -> Grant:
    """aangevraagd → verleend: the decision, with its number, amount and date."""
    version = _locked(grant, "award", expected_version)
    if not (decision_number or "").strip():
        raise ValidationError({"decision_number": _("Give the number of the decision.")})
    grant.status = GrantStatus.GRANTED
    grant.decision_number = decision_number.strip()
    grant.amount_granted, grant.granted_on = amount_granted, granted_on
    if accountability_due is not None:
        grant.accountability_due = accountability_due
    return save_record(
        instance=grant, user=user, expected_version=version, change_reason=_("Granted")
    )


@transaction.atomic
def settle_grant(
    *,
    grant: Grant,
    amount_final: Decimal,
    settled_on: datetime.date,
    accountability_received_on: datetime.date,
    user: UserLike,
    expected_version: int | None = None,
) -> Grant:
    """verleend → vastgesteld: the amount finally set once the accountability came in."""
    version = _locked(grant, "settle", expected_version)
    if accountability_received_on > settled_on:
        raise ValidationError(
            {
                "accountability_received_on": _(
                    "A grant is settled after its accountability is received, not before."
                )
            }
        )
    grant.status = GrantStatus.SETTLED
    grant.amount_final, grant.settled_on = amount_final, settled_on
    grant.accountability_received_on = accountability_received_on
    return save_record(
        instance=grant, user=user, expected_version=version, change_reason=_("Settled")
    )


@transaction.atomic
def withdraw_grant(
    *,
    grant: Grant,
    withdrawn_on: datetime.date,
    reason: str,
    user: UserLike,
    expected_version: int | None = None,
) -> Grant:
    """aangevraagd or verleend → ingetrokken, with the reason kept in the audit trail."""
    version = _locked(grant, "withdraw", expected_version)
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Give the reason for withdrawing the grant.")})
    grant.status, grant.withdrawn_on = GrantStatus.WITHDRAWN, withdrawn_on
    change_reason = _("Withdrawn: %(reason)s") % {"reason": reason.strip()}
    return save_record(
        instance=grant, user=user, expected_version=version, change_reason=change_reason[:100]
    )


def allowed_steps(grant: Grant) -> list[str]:
    """The steps the grant's status allows, in the order of its life."""
    return [step for step, statuses in ALLOWED_FROM.items() if grant.status in statuses]
