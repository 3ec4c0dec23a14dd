"""Writes on indicators. Adopted targets never change; computed realisations are stored dated,
with the records they counted, so every number can be traced."""

import datetime
from collections.abc import Iterable
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kennisstad.core.services import save_record

from . import rules
from .models import Indicator, Method, Origin, Realisation, Target


@transaction.atomic
def save_indicator(*, indicator: Indicator, user, expected_version: int | None = None) -> Indicator:
    return save_record(instance=indicator, user=user, expected_version=expected_version)


@transaction.atomic
def save_target(*, target: Target, user, expected_version: int | None = None) -> Target:
    """Adopted targets (set in a published document) are refused: they never change."""
    if target.pk:
        stored = Target.objects.select_related("set_in").get(pk=target.pk)
        if stored.is_frozen:
            raise ValidationError(
                _("This target was adopted in %(document)s and can no longer change.")
                % {"document": stored.set_in}
            )
    elif target.set_in_id and target.set_in.is_published:
        raise ValidationError(
            {
                "set_in": _("%(document)s is published; it cannot get new targets.")
                % {"document": target.set_in}
            }
        )
    return save_record(instance=target, user=user, expected_version=expected_version)


@transaction.atomic
def delete_target(*, target: Target, user, expected_version: int | None = None) -> None:
    from kennisstad.core.services import delete_record

    if target.is_frozen:
        raise ValidationError(_("An adopted target cannot be deleted."))
    delete_record(instance=target, user=user, expected_version=expected_version)


@transaction.atomic
def save_realisation(
    *, realisation: Realisation, user, expected_version: int | None = None
) -> Realisation:
    if (
        realisation.source_document_id
        and realisation.source_document.is_published
        and realisation.pk
    ):
        raise ValidationError(
            _("This value was published in %(document)s; record a new realisation instead.")
            % {"document": realisation.source_document}
        )
    return save_record(instance=realisation, user=user, expected_version=expected_version)


def _counted_records(rule: rules.Rule, years: list[int], counts: dict[int, int]) -> dict:
    """The drill-down per year. Fetched in one query; should it ever disagree with the SQL
    count (it must not), the year is fetched again with the counting query itself."""
    model = "projects.project" if rule.subject == "projects" else "agenda.activity"
    buckets = rules.records_per_year(rule, years)
    for year in years:
        if len(buckets[year]) != counts[year]:
            buckets[year] = list(rules.records(rule, year).values_list("pk", "title_nl"))
    return {
        year: [{"model": model, "id": pk, "label": title} for pk, title in rows]
        for year, rows in buckets.items()
    }


@transaction.atomic
def compute_indicator(
    *,
    indicator: Indicator,
    years: Iterable[int],
    user=None,
    measured_on: datetime.date | None = None,
    with_records: bool = True,
) -> list[Realisation]:
    """Count the registry for each year and store a dated, computed realisation.

    Recomputing on the same peildatum updates that day's value instead of adding another.
    """
    if indicator.method != Method.COMPUTED:
        raise ValidationError(
            _("%(indicator)s is not computed from the registry.") % {"indicator": indicator}
        )
    rule = rules.parse_rule(indicator.rule)
    measured_on = measured_on or timezone.localdate()
    years = sorted(set(years))
    counts = rules.count_per_year(rule, years)
    counted = _counted_records(rule, years, counts) if with_records else {}
    existing = {
        realisation.year: realisation
        for realisation in Realisation.objects.filter(
            indicator=indicator, year__in=years, origin=Origin.COMPUTED, measured_on=measured_on
        )
    }
    actor = user if getattr(user, "is_authenticated", False) else None
    saved = []
    for year in years:
        realisation = existing.get(year) or Realisation(
            indicator=indicator, year=year, origin=Origin.COMPUTED, measured_on=measured_on
        )
        realisation.value = Decimal(counts[year])
        realisation.display_text = ""
        realisation.counted = counted.get(year, [])
        realisation.updated_by = actor
        if realisation.pk:
            realisation.version += 1
        realisation.save()
        saved.append(realisation)
    return saved


def compute_all(*, years: Iterable[int], user=None, measured_on=None, with_records: bool = True):
    """Compute every computed indicator; returns ``{indicator: [realisations]}``."""
    years = list(years)
    return {
        indicator: compute_indicator(
            indicator=indicator,
            years=years,
            user=user,
            measured_on=measured_on,
            with_records=with_records,
        )
        for indicator in Indicator.objects.filter(method=Method.COMPUTED).order_by("code")
    }
