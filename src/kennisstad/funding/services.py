"""Writes on funding applications: the application with its partners and reporting
obligations, and each stage change dated in its stage history."""

import datetime
from collections.abc import Iterable
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kennisstad.core.actors import actor_of
from kennisstad.core.events import log_event_on_commit
from kennisstad.core.services import delete_record, save_record
from kennisstad.core.typing import UserLike
from kennisstad.relations.models import Organisation

from .models import (
    CENT,
    Application,
    ApplicationPartner,
    ApplicationStageChange,
    PartnerRole,
    ReportingObligation,
)
from .stage_history import date_error, transition_error

# (organisation, role, share in EUR or None)
PartnerRow = tuple[Organisation, str, Decimal | None]
# (kind, due on, done on, note)
ObligationRow = tuple[str, datetime.date, datetime.date | None, str]


@transaction.atomic
def save_application(
    *,
    application: Application,
    user: UserLike,
    expected_version: int | None = None,
    stage_on: datetime.date | None = None,
    partners: Iterable[PartnerRow] | None = None,
    obligations: Iterable[ObligationRow] | None = None,
) -> Application:
    """Save an application. A new one, or a new stage, is dated in the stage history on
    ``stage_on`` (today if not given); ``partners`` and ``obligations`` replace the lists."""
    today = timezone.localdate()
    stage_on = stage_on or today
    stored = (
        None
        if application._state.adding
        else Application.objects.filter(pk=application.pk).values_list("stage", flat=True).first()
    )
    changed = stored is None or stored != application.stage
    if changed:
        _check_stage_change(application, stored, stage_on, today)
    partner_rows = list(partners) if partners is not None else None
    if partner_rows is not None:
        check_partners(partner_rows, total=application.total_budget)
    save_record(instance=application, user=user, expected_version=expected_version)
    if changed:
        ApplicationStageChange.objects.create(
            application=application,
            stage=application.stage,
            changed_on=stage_on,
            changed_by=actor_of(user),
        )
        log_event_on_commit(
            "funding.stage.changed",
            user=user,
            application=application.pk,
            stage=application.stage,
            changed_on=stage_on.isoformat(),
        )
    if partner_rows is not None:
        _set_partners(application, partner_rows)
    if obligations is not None:
        _set_obligations(application, list(obligations))
    return application


def _check_stage_change(
    application: Application, stored: str | None, day: datetime.date, today: datetime.date
) -> None:
    last = (
        None
        if stored is None
        else application.stage_changes.order_by("-changed_on", "-id")
        .values_list("changed_on", flat=True)
        .first()
    )
    error = transition_error(stored, application.stage) or date_error(day, last=last, today=today)
    if error:
        raise ValidationError({"stage": error})


def check_partners(rows: list[PartnerRow], *, total: Decimal | None) -> None:
    """Exactly one lead partner when there are partners, each organisation once, and the shares
    within the total budget (equal to it when every partner has a share)."""
    if not rows:
        return
    errors = []
    if sum(1 for _org, role, _share in rows if role == PartnerRole.LEAD) != 1:
        errors.append(_("Name exactly one lead partner."))
    if len({organisation.pk for organisation, _role, _share in rows}) != len(rows):
        errors.append(_("An organisation is a partner only once."))
    shares = [share for _org, _role, share in rows if share is not None]
    if total is not None and shares:
        summed = sum(shares, Decimal("0"))
        if summed - total >= CENT:
            errors.append(
                _("The partners' shares (€ %(sum)s) exceed the total budget (€ %(total)s).")
                % {"sum": summed, "total": total}
            )
        elif len(shares) == len(rows) and abs(summed - total) >= CENT:
            errors.append(
                _("The partners' shares add up to € %(sum)s, not the total budget (€ %(total)s).")
                % {"sum": summed, "total": total}
            )
    if errors:
        raise ValidationError({"partners": errors})


def _set_partners(application: Application, rows: list[PartnerRow]) -> None:
    wanted = {organisation.pk: (organisation, role, share) for organisation, role, share in rows}
    for partner in application.partners.all():
        if partner.organisation_id not in wanted:
            partner.delete()
            continue
        _org, role, share = wanted.pop(partner.organisation_id)
        if (partner.role, partner.share) != (role, share):
            partner.role, partner.share = role, share
            partner.save()
    for organisation, role, share in wanted.values():
        ApplicationPartner.objects.create(
            application=application, organisation=organisation, role=role, share=share
        )


def _set_obligations(application: Application, rows: list[ObligationRow]) -> None:
    """Replace the obligations: rows equal to a stored one keep it (and its history)."""
    stored = list(application.obligations.all())
    for kind, due_on, done_on, note in rows:
        match = next(
            (o for o in stored if (o.kind, o.due_on) == (kind, due_on)),
            None,
        )
        if match is None:
            ReportingObligation.objects.create(
                application=application, kind=kind, due_on=due_on, done_on=done_on, note=note
            )
            continue
        stored.remove(match)
        if (match.done_on, match.note) != (done_on, note):
            match.done_on, match.note = done_on, note
            match.save()
    for obligation in stored:
        obligation.delete()


@transaction.atomic
def delete_application(*, instance: Application, user: UserLike, expected_version: int) -> None:
    delete_record(instance=instance, user=user, expected_version=expected_version)
