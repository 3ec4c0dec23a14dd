"""Reads of grants: who may see which, the lists on the pages, the accountability that is due
soon or overdue, and the totals per policy field that the finance overview and a chapter show.

Visibility (the rule ``accounts.access`` states for the registry, applied to grants): the
municipality's side (team and readers) sees every grant; a partner editor sees only the grants
its own organisation applied for; anonymous visitors see none. Grants are never public here.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db.models import Count, Q, QuerySet, Sum

from kennisstad.accounts import access
from kennisstad.core.typing import UserLike
from kennisstad.projects.models import Project
from kennisstad.relations.models import Organisation

from .grant_models import Grant, GrantStatus
from .selectors import area_filter

ZERO = Decimal("0")
COUNTED = (GrantStatus.GRANTED, GrantStatus.SETTLED)  # a decision was taken on these


def reminder_days() -> int:
    """How many days before the accountability is due its handler is reminded."""
    return int(getattr(settings, "KENNISSTAD_GRANT_REMINDER_DAYS", 30))


def grant_list() -> QuerySet[Grant]:
    return Grant.objects.select_related(
        "organisation", "policy_area", "taakveld", "project", "owner"
    )


def visible_grants(user: UserLike, queryset: QuerySet[Grant]) -> QuerySet[Grant]:
    if access.is_team_or_reader(user):
        return queryset
    if access.is_partner(user):
        return queryset.filter(organisation=user.organisation)
    return queryset.none()


def may_see_grants(user: UserLike) -> bool:
    """Whether the grant pages open at all: the municipality's side and partner editors."""
    return access.is_team_or_reader(user) or access.is_partner(user)


def awaiting_accountability() -> Q:
    """Granted, and the accountability not yet in: what the reminders are about."""
    return Q(
        status=GrantStatus.GRANTED,
        accountability_due__isnull=False,
        accountability_received_on__isnull=True,
    )


def due_soon(today: datetime.date, days: int | None = None) -> Q:
    """Accountability due from today up to ``days`` (the reminder setting) ahead."""
    ahead = today + datetime.timedelta(days=reminder_days() if days is None else days)
    return awaiting_accountability() & Q(
        accountability_due__gte=today, accountability_due__lte=ahead
    )


def overdue(today: datetime.date) -> Q:
    return awaiting_accountability() & Q(accountability_due__lt=today)


@dataclass(frozen=True)
class GrantTotals:
    """Requested counts every grant but a withdrawn one; granted, those decided on (verleend or
    vastgesteld); settled, the amounts finally set (vastgesteld)."""

    requested: Decimal = ZERO
    granted: Decimal = ZERO
    settled: Decimal = ZERO
    count: int = 0

    def __add__(self, other: "GrantTotals") -> "GrantTotals":
        return GrantTotals(
            self.requested + other.requested,
            self.granted + other.granted,
            self.settled + other.settled,
            self.count + other.count,
        )


def in_year(year: int) -> Q:
    """A grant belongs to the year its period starts in (a subsidy year, as the register
    books it); a grant spanning years is not split."""
    return Q(period_start__year=year)


def grant_totals(
    *,
    year: int | None = None,
    queryset: QuerySet[Grant] | None = None,
    areas: Iterable[str] | None = None,
) -> dict[str, GrantTotals]:
    """Totals per policy-field code (one query), for ``year`` and the policy areas ``areas``
    and below when given, over ``queryset`` (e.g. the filtered list) or every grant."""
    grants = (Grant.objects.all() if queryset is None else queryset).exclude(
        status=GrantStatus.WITHDRAWN
    )
    if year is not None:
        grants = grants.filter(in_year(year))
    rows = (
        grants.filter(area_filter(areas))
        .values("policy_area__code")
        .annotate(
            requested=Sum("amount_requested"),
            granted=Sum("amount_granted", filter=Q(status__in=COUNTED)),
            settled=Sum("amount_final", filter=Q(status=GrantStatus.SETTLED)),
            count=Count("id"),
        )
        .order_by("policy_area__code")
    )
    return {
        row["policy_area__code"]: GrantTotals(
            row["requested"] or ZERO, row["granted"] or ZERO, row["settled"] or ZERO, row["count"]
        )
        for row in rows
    }


def grants_of_organisation(organisation: Organisation, *, user: UserLike) -> QuerySet[Grant]:
    return visible_grants(user, grant_list().filter(organisation=organisation))


def grants_of_project(project: Project, *, user: UserLike) -> QuerySet[Grant]:
    return visible_grants(user, grant_list().filter(project=project))
