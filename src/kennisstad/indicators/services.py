"""Writes on indicators. Adopted targets never change; computed realisations are stored dated,
with the records they counted, so every number can be traced."""

import datetime
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from kennisstad.core.actors import actor_of
from kennisstad.core.events import log_event_on_commit
from kennisstad.core.services import delete_record, save_record
from kennisstad.core.typing import UserLike

from . import rules
from .models import (
    AuthoritativeValue,
    FigureKind,
    Indicator,
    Method,
    Origin,
    Realisation,
    Target,
)


@transaction.atomic
def save_indicator(
    *, indicator: Indicator, user: UserLike, expected_version: int | None = None
) -> Indicator:
    return save_record(instance=indicator, user=user, expected_version=expected_version)


@transaction.atomic
def save_target(*, target: Target, user: UserLike, expected_version: int | None = None) -> Target:
    """Targets set in an adopted (vastgesteld) document never change, and none can be moved
    in; an offered or imported document's targets still change (by amendment, or by hand)."""
    if target.pk:
        stored = Target.objects.select_related("set_in").get(pk=target.pk)
        if stored.is_frozen:
            raise ValidationError(
                _("This target was adopted in %(document)s and can no longer change.")
                % {"document": stored.set_in}
            )
    if target.set_in is not None and target.set_in.is_adopted:
        raise ValidationError(
            {
                "set_in": _("%(document)s is adopted; it cannot get new targets.")
                % {"document": target.set_in}
            }
        )
    return save_record(instance=target, user=user, expected_version=expected_version)


@transaction.atomic
def delete_target(*, target: Target, user: UserLike, expected_version: int) -> None:
    if target.is_frozen:
        raise ValidationError(_("An adopted target cannot be deleted."))
    delete_record(instance=target, user=user, expected_version=expected_version)


def _check_realisation_is_open(stored: Realisation) -> None:
    document = stored.source_document
    if document is not None and (document.is_published or document.is_adopted):
        raise ValidationError(
            _("This value was published in %(document)s; record a new value instead.")
            % {"document": stored.source_document}
        )
    if stored.origin == Origin.COMPUTED:
        raise ValidationError(
            _("Computed values are recomputed, not edited; record a manual value instead.")
        )


@transaction.atomic
def save_realisation(
    *, realisation: Realisation, user: UserLike, expected_version: int | None = None
) -> Realisation:
    """A value keeps its provenance: origin and source never change, and a value a published
    document reports, or a computed one, is not edited (a new value is recorded instead)."""
    if realisation.pk:
        stored = Realisation.objects.select_related("source_document").get(pk=realisation.pk)
        _check_realisation_is_open(stored)
        if (stored.origin, stored.source_document_id) != (
            realisation.origin,
            realisation.source_document_id,
        ):
            raise ValidationError(
                {"source_document": _("The origin and source of a value do not change.")}
            )
    return save_record(instance=realisation, user=user, expected_version=expected_version)


@transaction.atomic
def delete_realisation(*, realisation: Realisation, user: UserLike, expected_version: int) -> None:
    stored = Realisation.objects.select_related("source_document").get(pk=realisation.pk)
    _check_realisation_is_open(stored)
    delete_record(instance=realisation, user=user, expected_version=expected_version)


@transaction.atomic
def compute_indicator(
    *,
    indicator: Indicator,
    years: Iterable[int],
    user: UserLike = None,
    measured_on: datetime.date | None = None,
    with_records: bool = True,
) -> list[Realisation]:
    """Count the registry for each year and store a dated, computed realisation with the
    records it counted. Recomputing on the same peildatum updates that day's value. Years after
    this one are skipped (``computable_years``); asking only for those is refused."""
    if indicator.method != Method.COMPUTED:
        raise ValidationError(
            _("%(indicator)s is not computed from the registry.") % {"indicator": indicator}
        )
    return _compute([indicator], years, user, measured_on, with_records)[indicator]


def computable_years(years: Iterable[int]) -> list[int]:
    """The years that can be counted: up to this one. A later year has not happened, so it gets
    no computed (Behaald) value; its page shows its target or forecast only."""
    this_year = timezone.localdate().year
    return sorted({year for year in years if year <= this_year})


def _check_years(years: Iterable[int]) -> list[int]:
    asked = sorted(set(years))
    years = computable_years(asked)
    if asked and not years:
        raise ValidationError(
            _("%(year)s has not happened yet; compute up to %(this_year)s.")
            % {"year": asked[0], "this_year": timezone.localdate().year}
        )
    return years


def _count(
    indicator: Indicator, years: list[int], with_records: bool
) -> dict[int, tuple[int, dict[str, Any]]]:
    """Per year the number and the records behind it (``{"model", "ids"}``, or ``{}``)."""
    if not years:
        return {}  # only years that have not happened were asked for
    # The rule was validated when the indicator was saved; only its shape is read here.
    rule = rules.parse_rule(indicator.rule, check_references=False)
    if not with_records:
        return {year: (count, {}) for year, count in rules.count_per_year(rule, years).items()}
    model = {"projects": "projects.project", "applications": "funding.application"}.get(
        rule.subject, "agenda.activity"
    )
    # One query gives both the records and, by counting them, the numbers (attendees: the
    # records are the activities, the numbers the people counted at them).
    ids = rules.records_per_year(rule, years)
    if rule.subject == "attendees":
        counts = rules.count_per_year(rule, years)
        return {year: (counts[year], {"model": model, "ids": ids[year]}) for year in years}
    return {year: (len(ids[year]), {"model": model, "ids": ids[year]}) for year in years}


def _new_realisation(
    indicator: Indicator, year: int, measured_on: datetime.date, now: datetime.datetime
) -> Realisation:
    return Realisation(
        indicator=indicator,
        year=year,
        origin=Origin.COMPUTED,
        measured_on=measured_on,
        created_at=now,
    )


@transaction.atomic
def compute_all(
    *,
    years: Iterable[int],
    user: UserLike = None,
    measured_on: datetime.date | None = None,
    with_records: bool = True,
) -> dict[Indicator, list[Realisation]]:
    """Compute every computed indicator; returns ``{indicator: [realisations]}``. Years after
    this one are skipped: they have not happened, so they get no computed value."""
    indicators = list(Indicator.objects.filter(method=Method.COMPUTED).order_by("code"))
    return _compute(indicators, years, user, measured_on, with_records)


def _compute(
    indicators: list[Indicator],
    years: Iterable[int],
    user: UserLike,
    measured_on: datetime.date | None,
    with_records: bool,
) -> dict[Indicator, list[Realisation]]:
    """One counting query per indicator and one bulk write (with audit rows) for all of them."""
    measured_on = measured_on or timezone.localdate()
    years = _check_years(years)
    actor = actor_of(user)
    now = timezone.now()
    existing = {
        (realisation.indicator_id, realisation.year): realisation
        for realisation in Realisation.objects.filter(
            indicator__in=indicators,
            year__in=years,
            origin=Origin.COMPUTED,
            measured_on=measured_on,
            source_document__isnull=True,  # a value a published document reports stays
        )
    }
    created: list[Realisation] = []
    updated: list[Realisation] = []
    result: dict[Indicator, list[Realisation]] = {}
    for indicator in indicators:
        counted = _count(indicator, years, with_records)
        result[indicator] = []
        for year in years:
            realisation = existing.get((indicator.pk, year))
            value, records = counted[year]
            if (
                realisation is not None
                and realisation.value == value
                and (not with_records or realisation.counted == records)
            ):
                result[indicator].append(realisation)  # unchanged today: nothing to write
                continue
            if realisation is None:
                realisation = _new_realisation(indicator, year, measured_on, now)
                created.append(realisation)
            else:
                realisation.version += 1
                updated.append(realisation)
            realisation.value = Decimal(value)
            realisation.display_text = ""
            realisation.counted = records
            realisation.updated_by = actor
            realisation.updated_at = now
            result[indicator].append(realisation)
    bulk_create_with_history(created, Realisation, default_user=actor, default_date=now)
    bulk_update_with_history(
        updated,
        Realisation,
        ["value", "display_text", "counted", "updated_by", "updated_at", "version"],
        default_user=actor,
        default_date=now,
    )
    return result


@transaction.atomic
def choose_authoritative(
    *,
    indicator: Indicator,
    year: int,
    record: Target | Realisation,
    reason: str,
    user: UserLike,
    expected_version: int | None = None,
) -> AuthoritativeValue:
    """Mark ``record`` as the official target or realised value of ``indicator`` in ``year``,
    replacing an earlier choice of the same kind; the reason is kept in the audit trail."""
    kind = FigureKind.TARGET if isinstance(record, Target) else FigureKind.REALISATION
    choice = (
        AuthoritativeValue.objects.select_for_update()
        .filter(indicator=indicator, year=year, kind=kind)
        .first()
    ) or AuthoritativeValue(indicator=indicator, year=year, kind=kind)
    choice.target = record if isinstance(record, Target) else None
    choice.realisation = record if isinstance(record, Realisation) else None
    choice.reason = (reason or "").strip()
    choice.chosen_by = actor_of(user)
    choice.chosen_at = timezone.now()
    if choice.pk and expected_version is None:
        expected_version = choice.version
    save_record(
        instance=choice, user=user, expected_version=expected_version, change_reason=choice.reason
    )
    log_event_on_commit(
        "indicator.authoritative_chosen",
        user=user,
        indicator=indicator.pk,
        year=year,
        kind=kind,
        record=record.pk,
        choice=choice.pk,
    )
    return choice


@transaction.atomic
def withdraw_authoritative(
    *,
    indicator: Indicator,
    year: int,
    kind: str,
    user: UserLike,
    expected_version: int | None = None,
) -> None:
    """Withdraw the choice: the rule (adopted document, else the newest) decides again."""
    choice = (
        AuthoritativeValue.objects.select_for_update()
        .filter(indicator=indicator, year=year, kind=kind)
        .first()
    )
    if choice is None:
        raise ValidationError({"year": _("No value was marked authoritative for this year.")})
    delete_record(
        instance=choice,
        user=user,
        expected_version=choice.version if expected_version is None else expected_version,
    )
    log_event_on_commit(
        "indicator.authoritative_withdrawn",
        user=user,
        indicator=indicator.pk,
        year=year,
        kind=kind,
    )
