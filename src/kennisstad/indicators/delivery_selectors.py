"""Reads on delivered figures: what waits for the team's approval (with the figure it would
replace), and a partner's own indicators with their values and deliveries. A delivered value
is never read as a figure here or anywhere else until approved: only its realisation counts."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet

from kennisstad.accounts import access
from kennisstad.core.typing import UserLike

from .formatting import format_number, format_realisation
from .models import DeliveredValue, DeliveryStatus, Indicator, Realisation
from .selectors import official_realisations

RECENT_YEARS = 4  # a partner sees the latest few years that have a figure


def with_value_text(values: Iterable[DeliveredValue]) -> list[DeliveredValue]:
    """The values with ``value_text``: as the budget would print them (``12.500``, ``Top 8``)."""
    values = list(values)
    for delivered in values:
        # An attribute for the templates only, not a field.
        setattr(delivered, "value_text", format_realisation(delivered.indicator, delivered))  # noqa: B010
    return values


def deliveries(user: UserLike) -> QuerySet[DeliveredValue]:
    """The delivered values ``user`` may see (``access.visible_deliveries``)."""
    queryset = DeliveredValue.objects.select_related(
        "indicator", "organisation", "submitted_by", "reviewed_by", "realisation"
    )
    return access.visible_deliveries(user, queryset)


def awaiting_approval() -> QuerySet[DeliveredValue]:
    return (
        DeliveredValue.objects.filter(status=DeliveryStatus.SUBMITTED)
        .select_related("indicator", "organisation", "submitted_by")
        .order_by("created_at", "id")
    )


def awaiting_rows() -> list[dict[str, Any]]:
    """Each value waiting for approval beside the figure that counts now for that year, and
    the difference when both are numbers; two queries for the whole list."""
    waiting = list(awaiting_approval())
    figures = official_realisations(
        {row.indicator_id for row in waiting}, {row.year for row in waiting}
    )
    rows = []
    for delivered in waiting:
        indicator = delivered.indicator
        figure = figures.get((indicator.pk, delivered.year))
        previous = figure.realisation if figure else None
        difference = None
        if previous is not None and previous.value is not None and delivered.value is not None:
            change: Decimal = delivered.value - previous.value
            difference = ("+" if change > 0 else "") + format_number(
                change, decimals=indicator.decimals, percentage=indicator.unit == "percentage"
            )
        rows.append(
            {
                "delivered": delivered,
                "value": format_realisation(indicator, delivered),
                "previous": format_realisation(indicator, previous) if previous else "",
                "difference": difference,
            }
        )
    return rows


@dataclass
class PartnerIndicator:
    """One indicator a partner delivers: its recent figures that count, and its deliveries
    still waiting or rejected."""

    indicator: Indicator
    figures: list[tuple[int, str]] = field(default_factory=list)
    waiting: list[DeliveredValue] = field(default_factory=list)
    rejected: list[DeliveredValue] = field(default_factory=list)


def partner_indicators(user: UserLike, *, this_year: int) -> list[PartnerIndicator]:
    """The indicators the partner's organisation owns; none for anyone else."""
    if not access.is_partner(user):
        return []
    indicators = list(
        Indicator.objects.filter(owner_organisation_id=user.organisation_id).order_by(
            "policy_area__code", "order", "name_nl"
        )
    )
    years = sorted(
        Realisation.objects.filter(indicator__in=indicators, year__lte=this_year)
        .values_list("year", flat=True)
        .distinct()
    )
    figures = official_realisations([indicator.pk for indicator in indicators], years)
    entries = {indicator.pk: PartnerIndicator(indicator) for indicator in indicators}
    for indicator in indicators:
        shown = [
            (year, format_realisation(indicator, figures[(indicator.pk, year)].realisation))
            for year in years
            if (indicator.pk, year) in figures
        ]
        entries[indicator.pk].figures = shown[-RECENT_YEARS:]
    open_deliveries = deliveries(user).filter(
        indicator__in=indicators,
        status__in=[DeliveryStatus.SUBMITTED, DeliveryStatus.REJECTED],
    )
    for delivered in with_value_text(open_deliveries.order_by("year", "created_at")):
        entry = entries[delivered.indicator_id]
        if delivered.status == DeliveryStatus.SUBMITTED:
            entry.waiting.append(delivered)
        else:
            entry.rejected.append(delivered)
    return list(entries.values())


def indicator_deliveries(indicator: Indicator) -> list[DeliveredValue]:
    """All values delivered for the indicator, newest first (for the team's indicator page)."""
    return with_value_text(
        DeliveredValue.objects.filter(indicator=indicator).select_related(
            "indicator", "organisation", "submitted_by", "reviewed_by"
        )
    )
