"""Reads over delegations, and the foreign-travel register built from them (outgoing missions
per half year with their costs split by who paid). The gifts registers are in ``integrity``."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext as _

from kennisstad.accounts import access
from kennisstad.agenda.models import ActivityKind
from kennisstad.core.typing import UserLike

from .models import Delegation, DelegationMember, PaidBy

ZERO = Decimal("0.00")


def delegation_list(
    *, user: UserLike, queryset: QuerySet[Delegation] | None = None
) -> QuerySet[Delegation]:
    queryset = Delegation.objects.all() if queryset is None else queryset
    queryset = queryset.select_related("activity", "organisation")
    return access.visible_delegations(user, queryset)


def delegation_detail_queryset(*, user: UserLike) -> QuerySet[Delegation]:
    return delegation_list(user=user).prefetch_related(
        "host_users",
        "host_people",
        Prefetch("members", DelegationMember.objects.select_related("person")),
        "programme__responsible_user",
        "programme__responsible_person",
        "travel_costs",
    )


# --- periods -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    """A calendar year, or its first (January–June) or second (July–December) half."""

    year: int
    half: int | None = None

    def __post_init__(self) -> None:
        if self.half not in (None, 1, 2):
            raise ValueError(_("The half year is 1 or 2."))
        if not 1900 <= self.year <= 2200:
            raise ValueError(_("The year must lie between 1900 and 2200."))

    @property
    def first_day(self) -> datetime.date:
        return datetime.date(self.year, 7 if self.half == 2 else 1, 1)

    @property
    def last_day(self) -> datetime.date:
        if self.half == 1:
            return datetime.date(self.year, 6, 30)
        return datetime.date(self.year, 12, 31)

    def __str__(self) -> str:
        if self.half is None:
            return str(self.year)
        return _("%(year)s, half year %(half)s") % {"year": self.year, "half": self.half}

    @property
    def slug(self) -> str:
        return f"{self.year}" if self.half is None else f"{self.year}-h{self.half}"


# --- the foreign-travel register -----------------------------------------------------------


@dataclass
class Mission:
    delegation: Delegation
    first_day: datetime.date
    last_day: datetime.date
    destinations: list[str]
    functions: list[str]
    paid_by_municipality: Decimal = ZERO
    paid_by_third_parties: Decimal = ZERO
    third_parties: list[str] = field(default_factory=list)

    @property
    def title(self) -> str:
        return str(self.delegation.activity.title)  # a translated() property

    @property
    def purpose(self) -> str:
        return str(self.delegation.purpose)  # a translated() property

    @property
    def total(self) -> Decimal:
        return self.paid_by_municipality + self.paid_by_third_parties


@dataclass
class TravelRegister:
    period: Period
    missions: list[Mission]

    @property
    def paid_by_municipality(self) -> Decimal:
        return sum((m.paid_by_municipality for m in self.missions), ZERO)

    @property
    def paid_by_third_parties(self) -> Decimal:
        return sum((m.paid_by_third_parties for m in self.missions), ZERO)

    @property
    def total(self) -> Decimal:
        return self.paid_by_municipality + self.paid_by_third_parties


def travel_register(period: Period) -> TravelRegister:
    """Outgoing missions that start in the period (in the mission's own time zone), with the
    travellers by function and every traveller's transport, lodging and other costs summed per
    payer. Cancelled missions that still cost money stay in: the money was spent."""
    from datetime import timedelta
    from zoneinfo import ZoneInfo

    site_zone = ZoneInfo(settings.TIME_ZONE)
    # A day's margin either side for missions in other time zones; the exact test is below.
    start = datetime.datetime.combine(period.first_day - timedelta(days=1), datetime.time(0))
    end = datetime.datetime.combine(period.last_day + timedelta(days=2), datetime.time(0))
    delegations = (
        Delegation.objects.filter(
            activity__kind=ActivityKind.OUTGOING_VISIT,
            activity__starts_at__gte=start.replace(tzinfo=site_zone),
            activity__starts_at__lt=end.replace(tzinfo=site_zone),
        )
        .select_related("activity")
        .prefetch_related("travel_costs")
        .order_by("activity__starts_at", "id")
    )
    missions = []
    for delegation in delegations:
        activity = delegation.activity
        first_day = activity.first_day
        if not period.first_day <= first_day <= period.last_day:
            continue
        last_day = (
            activity.last_day
            if activity.all_day
            else activity.ends_at.astimezone(activity.zone).date()
        )
        costs = list(delegation.travel_costs.all())
        countries = [str(cost.destination_country.name) for cost in costs]
        if not countries and (delegation.country or activity.country):
            countries = [str((delegation.country or activity.country).name)]
        mission = Mission(
            delegation=delegation,
            first_day=first_day,
            last_day=last_day,
            destinations=list(dict.fromkeys(countries)),
            functions=list(dict.fromkeys(cost.traveller_function for cost in costs)),
        )
        for cost in costs:
            if cost.paid_by == PaidBy.THIRD_PARTY:
                mission.paid_by_third_parties += cost.total
                if cost.payer and cost.payer not in mission.third_parties:
                    mission.third_parties.append(cost.payer)
            else:
                mission.paid_by_municipality += cost.total
        missions.append(mission)
    return TravelRegister(period=period, missions=missions)
