"""Writes on the figures partners deliver themselves. A partner editor submits a value of an
indicator its organisation owns; it counts only when a team member other than the one who
entered it approves it (four eyes): only then is there a ``Realisation`` (origin "delivered")
that the tables, the dashboard and the missing-value check read. Both steps are in the audit
trail (the delivered value's history names who and why) and in the event log."""

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kennisstad.accounts import access
from kennisstad.core.actors import actor_of
from kennisstad.core.events import log_event_on_commit
from kennisstad.core.services import save_record
from kennisstad.core.typing import UserLike

from . import delivery_mail
from .models import DeliveredValue, DeliveryStatus, Indicator, Origin, Realisation
from .services import save_realisation


def _check_like_a_realisation(delivered: DeliveredValue) -> None:
    """The rules a realisation keeps (measured-from year, peildatum not in the future, a text
    value only for what is not a number), checked when the value is entered, not only when it
    is approved; and a delivery without any value says nothing."""
    errors: dict[str, list[str]] = {}
    probe = Realisation(
        indicator=delivered.indicator,
        year=delivered.year,
        value=delivered.value,
        display_text=delivered.display_text,
        measured_on=delivered.measured_on,
    )
    try:
        probe.clean()
    except ValidationError as exc:
        errors.update(exc.message_dict)
    if delivered.value is None and not (delivered.display_text or "").strip():
        errors.setdefault("value", []).append(_("Give the value."))
    if not (delivered.source or "").strip():
        errors.setdefault("source", []).append(_("Say where the figure comes from (the source)."))
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def submit_value(
    *,
    indicator: Indicator,
    year: int,
    value: Decimal | None,
    measured_on: datetime.date,
    source: str,
    user: UserLike,
    display_text: str = "",
    note: str = "",
    notify: bool = True,
) -> DeliveredValue:
    """A partner editor enters a figure of an indicator its organisation owns; it waits for a
    team member's approval. After a rejection the partner submits again (a new record, so the
    rejected one and its reason stay); while one waits, another for that year is refused."""
    if not (access.is_partner(user) and access.can_deliver_values(user, indicator)):
        raise PermissionDenied(
            _(
                "Only a partner editor of the organisation that owns this indicator delivers "
                "its figures."
            )
        )
    delivered = DeliveredValue(
        indicator=indicator,
        year=year,
        value=value,
        display_text=(display_text or "").strip(),
        measured_on=measured_on,
        source=(source or "").strip(),
        note=(note or "").strip(),
        organisation_id=user.organisation_id,
        submitted_by=user,
        status=DeliveryStatus.SUBMITTED,
    )
    _check_like_a_realisation(delivered)
    waiting = DeliveredValue.objects.select_for_update().filter(
        indicator=indicator, year=year, status=DeliveryStatus.SUBMITTED
    )
    if waiting.exists():
        raise ValidationError(
            {"year": _("A value for %(year)s already awaits approval.") % {"year": year}}
        )
    save_record(instance=delivered, user=user, change_reason="submitted")
    log_event_on_commit(
        "indicator.value_submitted",
        user=user,
        indicator=indicator.pk,
        year=year,
        delivery=delivered.pk,
    )
    if notify:  # the demo loader tells nobody
        transaction.on_commit(lambda: delivery_mail.notify_submitted(delivered))
    return delivered


def _open_for_review(delivered: DeliveredValue, user: UserLike) -> DeliveredValue:
    """The stored value, locked, once the reviewer may decide on it (four eyes)."""
    if not access.can_review_deliveries(user):
        raise PermissionDenied(_("Only a team member approves or rejects a delivered value."))
    stored = (
        DeliveredValue.objects.select_for_update()
        .select_related("indicator", "submitted_by")
        .get(pk=delivered.pk)
    )
    if stored.submitted_by_id == getattr(user, "pk", None):
        raise PermissionDenied(
            _(
                "You entered this value yourself; another team member must approve or reject it "
                "(four eyes)."
            )
        )
    if stored.status != DeliveryStatus.SUBMITTED:
        raise ValidationError(
            _("This value was already decided: %(status)s.")
            % {"status": stored.get_status_display()}
        )
    return stored


def _realisation_note(delivered: DeliveredValue) -> str:
    """The realisation keeps where the figure came from: who delivered it, its source, its note."""
    by = delivered.organisation or delivered.submitted_by
    lines = [
        _("Delivered by %(organisation)s; source: %(source)s")
        % {"organisation": by, "source": delivered.source}
    ]
    if delivered.note:
        lines.append(delivered.note)
    return "\n".join(lines)


@transaction.atomic
def approve_delivery(
    *,
    delivered: DeliveredValue,
    user: UserLike,
    expected_version: int | None = None,
    note: str = "",
    notify: bool = True,
) -> DeliveredValue:
    """A team member who did not enter it approves the value: it becomes a realisation (origin
    "delivered", with its peildatum, source and note) and from now on counts."""
    stored = _open_for_review(delivered, user)
    realisation = save_realisation(
        realisation=Realisation(
            indicator=stored.indicator,
            year=stored.year,
            value=stored.value,
            display_text=stored.display_text,
            origin=Origin.DELIVERED,
            measured_on=stored.measured_on,
            note=_realisation_note(stored),
        ),
        user=user,
    )
    stored.status = DeliveryStatus.APPROVED
    stored.realisation = realisation
    stored.reviewed_by = actor_of(user)
    stored.reviewed_at = timezone.now()
    stored.review_note = (note or "").strip()
    save_record(
        instance=stored,
        user=user,
        expected_version=stored.version if expected_version is None else expected_version,
        change_reason="approved",
    )
    log_event_on_commit(
        "indicator.value_approved",
        user=user,
        delivery=stored.pk,
        realisation=realisation.pk,
    )
    if notify:
        transaction.on_commit(lambda: delivery_mail.notify_reviewed(stored))
    return stored


@transaction.atomic
def reject_delivery(
    *,
    delivered: DeliveredValue,
    user: UserLike,
    reason: str,
    expected_version: int | None = None,
) -> DeliveredValue:
    """A team member who did not enter it rejects the value, saying why; the partner can submit
    a corrected one. Nothing counts."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"review_note": _("Say why the value is rejected.")})
    stored = _open_for_review(delivered, user)
    stored.status = DeliveryStatus.REJECTED
    stored.reviewed_by = actor_of(user)
    stored.reviewed_at = timezone.now()
    stored.review_note = reason
    save_record(
        instance=stored,
        user=user,
        expected_version=stored.version if expected_version is None else expected_version,
        change_reason=f"rejected: {reason}"[:100],
    )
    log_event_on_commit("indicator.value_rejected", user=user, delivery=stored.pk)
    transaction.on_commit(lambda: delivery_mail.notify_reviewed(stored))
    return stored
