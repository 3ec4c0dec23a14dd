"""Reads over the integrity registers: the publication periods (quarters or half years, as the
municipality sets), the public register of a period (gifts received above the threshold and
trips paid by third parties per office-holder) and the team's lists.

A period is published once it has ended: the portal shows closed periods only, and an entry of
a closed period above the threshold is a published register entry (what an erasure keeps)."""

import datetime
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from kennisstad.accounts import access
from kennisstad.core.models import EARLIEST_YEAR, LATEST_YEAR
from kennisstad.core.typing import UserLike

from .models import (
    GiftGiven,
    GiftReceived,
    OfficeHolder,
    ThirdPartyTrip,
    gifts_threshold,
)

__all__ = ["gifts_threshold"]

QUARTER, HALF_YEAR = "quarter", "half_year"
MONTHS = {QUARTER: 3, HALF_YEAR: 6}


def publication_kind() -> str:
    return str(getattr(settings, "KENNISSTAD_INTEGRITY_PUBLICATION", QUARTER))


@dataclass(frozen=True)
class PublicationPeriod:
    """A quarter (number 1–4) or half year (1–2) of a year."""

    year: int
    number: int
    kind: str = QUARTER

    def __post_init__(self) -> None:
        if self.kind not in MONTHS:
            raise ValueError(self.kind)
        if not 1 <= self.number <= 12 // MONTHS[self.kind]:
            raise ValueError(_("There is no such period in a year."))

    @property
    def first_day(self) -> datetime.date:
        return datetime.date(self.year, (self.number - 1) * MONTHS[self.kind] + 1, 1)

    @property
    def last_day(self) -> datetime.date:
        month = self.number * MONTHS[self.kind]
        if month == 12:
            return datetime.date(self.year, 12, 31)
        return datetime.date(self.year, month + 1, 1) - datetime.timedelta(days=1)

    def __str__(self) -> str:
        if self.kind == QUARTER:
            return _("%(year)s, quarter %(number)s") % {"year": self.year, "number": self.number}
        return _("%(year)s, half year %(number)s") % {"year": self.year, "number": self.number}

    @property
    def slug(self) -> str:
        return f"{self.year}-{'q' if self.kind == QUARTER else 'h'}{self.number}"

    def is_closed(self, today: datetime.date | None = None) -> bool:
        return self.last_day < (today or timezone.localdate())

    def previous(self) -> "PublicationPeriod":
        if self.number > 1:
            return PublicationPeriod(self.year, self.number - 1, self.kind)
        return PublicationPeriod(self.year - 1, 12 // MONTHS[self.kind], self.kind)


def period_of(day: datetime.date, kind: str | None = None) -> PublicationPeriod:
    kind = kind or publication_kind()
    return PublicationPeriod(day.year, (day.month - 1) // MONTHS[kind] + 1, kind)


def period_from_slug(slug: str) -> PublicationPeriod | None:
    """``2027-q1`` or ``2027-h2``; None for anything else."""
    year, _dash, rest = (slug or "").partition("-")
    kinds = {"q": QUARTER, "h": HALF_YEAR}
    if not (year.isdigit() and len(rest) == 2 and rest[0] in kinds and rest[1].isdigit()):
        return None
    if not EARLIEST_YEAR <= int(year) <= LATEST_YEAR:  # a period of a date the register may hold
        return None
    try:
        return PublicationPeriod(int(year), int(rest[1]), kinds[rest[0]])
    except ValueError:
        return None


# --- the public register -------------------------------------------------------------------


def public_gifts(period: PublicationPeriod) -> QuerySet[GiftReceived]:
    """Gifts received in the period worth strictly more than the threshold: EUR 60 is in, EUR
    50.00 is not. Gifts the municipality gave are another table and never here."""
    return (
        GiftReceived.objects.filter(
            received_on__gte=period.first_day,
            received_on__lte=period.last_day,
            estimated_value__gt=gifts_threshold(),
        )
        .select_related("recipient", "delegation__activity")
        .order_by("received_on", "id")
    )


def third_party_trips(period: PublicationPeriod) -> QuerySet[ThirdPartyTrip]:
    """Trips, invitations and hospitality paid by third parties that started in the period,
    per office-holder."""
    return (
        ThirdPartyTrip.objects.filter(
            starts_on__gte=period.first_day, starts_on__lte=period.last_day
        )
        .select_related("office_holder", "delegation__activity")
        .order_by("office_holder__name", "office_holder_id", "starts_on", "id")
    )


def published_periods(today: datetime.date | None = None) -> list[PublicationPeriod]:
    """The closed periods with something in the public register, newest first."""
    today = today or timezone.localdate()
    kind = publication_kind()
    days = set(
        GiftReceived.objects.filter(estimated_value__gt=gifts_threshold()).values_list(
            "received_on", flat=True
        )
    ) | set(ThirdPartyTrip.objects.values_list("starts_on", flat=True))
    periods = {period_of(day, kind) for day in days}
    closed = [period for period in periods if period.is_closed(today)]
    return sorted(closed, key=lambda p: (p.year, p.number), reverse=True)


def published_gift_entries() -> QuerySet[GiftReceived]:
    """Every entry of the public register of a closed period, newest first."""
    first_open_day = period_of(timezone.localdate()).first_day
    return (
        GiftReceived.objects.filter(
            received_on__lt=first_open_day, estimated_value__gt=gifts_threshold()
        )
        .select_related("recipient")
        .order_by("-received_on", "-id")
    )


def published_trips() -> QuerySet[ThirdPartyTrip]:
    """Every third-party trip of a closed period, newest first."""
    first_open_day = period_of(timezone.localdate()).first_day
    return (
        ThirdPartyTrip.objects.filter(starts_on__lt=first_open_day)
        .select_related("office_holder")
        .order_by("-starts_on", "-id")
    )


def in_period(queryset: QuerySet[Any], field: str, slug: str) -> QuerySet[Any]:
    """``queryset`` narrowed to the period ``2027-q1`` names; nothing for a malformed one."""
    period = period_from_slug(slug)
    if period is None:
        return queryset.none()
    return queryset.filter(**{f"{field}__gte": period.first_day, f"{field}__lte": period.last_day})


def is_published(gift: GiftReceived, today: datetime.date | None = None) -> bool:
    """In the public register of a closed period."""
    return gift.above_threshold and period_of(gift.received_on).is_closed(today)


def published_gifts_of(*, person_id: int) -> list[GiftReceived]:
    """The published register entries that name this contact as their giver."""
    return published_gifts_of_any(person_ids=[person_id])


def published_gifts_of_any(*, person_ids: list[int]) -> list[GiftReceived]:
    """The published register entries that name any of these contacts as their giver."""
    gifts = GiftReceived.objects.filter(giver_person_id__in=person_ids).order_by("pk")
    return [gift for gift in gifts if is_published(gift)]


# --- the team's lists ----------------------------------------------------------------------


def office_holders(*, user: UserLike) -> QuerySet[OfficeHolder]:
    return access.visible_integrity_records(user, OfficeHolder.objects.all())


def gifts_received(*, user: UserLike) -> QuerySet[GiftReceived]:
    queryset = GiftReceived.objects.select_related("recipient", "delegation__activity")
    return access.visible_integrity_records(user, queryset).order_by("-received_on", "-id")


def gifts_given(*, user: UserLike) -> QuerySet[GiftGiven]:
    queryset = GiftGiven.objects.select_related("delegation__activity")
    return access.visible_integrity_records(user, queryset).order_by("-given_on", "-id")


def trips(*, user: UserLike) -> QuerySet[ThirdPartyTrip]:
    queryset = ThirdPartyTrip.objects.select_related("office_holder", "delegation__activity")
    return access.visible_integrity_records(user, queryset).order_by("-starts_on", "-id")


def of_delegation(delegation_id: int) -> dict[str, list[Any]]:
    """What the delegation page shows: the gifts received and given during the visit and the
    trips a third party paid."""
    return {
        "received": list(
            GiftReceived.objects.filter(delegation_id=delegation_id).select_related("recipient")
        ),
        "given": list(GiftGiven.objects.filter(delegation_id=delegation_id)),
        "trips": list(
            ThirdPartyTrip.objects.filter(delegation_id=delegation_id).select_related(
                "office_holder"
            )
        ),
    }
