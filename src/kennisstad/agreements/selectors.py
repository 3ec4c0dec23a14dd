"""Reads of agreements: who sees which, the lists the pages and the API show, the agreements a
record falls under, those whose expiry is near, and the public partner cities by country.

Who sees what: the municipality's side (team and readers) sees every agreement; partners and
the public see the public ones only (``is_public``, which only a signed agreement can be)."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.db.models import Prefetch, Q, QuerySet
from django_countries.fields import Country

from kennisstad.accounts import access
from kennisstad.core.typing import UserLike
from kennisstad.relations.models import OrganisationKind

from .models import Agreement, AgreementParty, AgreementStatus

CURRENT = (AgreementStatus.IN_FORCE, AgreementStatus.EXPIRING)


def visible_agreements(user: UserLike, queryset: QuerySet[Agreement]) -> QuerySet[Agreement]:
    if access.is_team_or_reader(user):
        return queryset
    return queryset.filter(is_public=True)


def may_see_agreements(user: UserLike) -> bool:
    """Whether the agreement pages open: the municipality's side (partners use the portal)."""
    return access.is_team_or_reader(user)


def reminder_days() -> int:
    return int(settings.AGREEMENT_REMINDER_DAYS)


def agreement_list() -> QuerySet[Agreement]:
    return Agreement.objects.select_related("relationship_owner").prefetch_related(
        Prefetch("partyships", AgreementParty.objects.select_related("organisation")),
        "themes",
    )


def agreement_detail_queryset() -> QuerySet[Agreement]:
    return agreement_list().prefetch_related("projects", "delegations__activity")


def with_status(
    queryset: QuerySet[Agreement], statuses: Iterable[str], today: datetime.date
) -> QuerySet[Agreement]:
    """The agreements whose status on ``today`` is one of ``statuses``. The status follows from
    dates, renewal and the reminder setting, so it is worked out per agreement; a municipality
    has hundreds of agreements at most."""
    wanted = set(statuses)
    matches = [
        agreement.pk
        for agreement in queryset.select_related(None)
        .prefetch_related(None)
        .only(
            "pk", "signed_on", "expires_on", "terminated_on", "renewal", "term_years", "notice_days"
        )
        if agreement.status_on(today) in wanted
    ]
    return queryset.filter(pk__in=matches)


def with_party_in(queryset: QuerySet[Agreement], country: str) -> QuerySet[Agreement]:
    return queryset.filter(partyships__organisation__country=country).distinct()


def agreements_of_organisation(organisation: Any, *, user: UserLike) -> QuerySet[Agreement]:
    return visible_agreements(user, agreement_list().filter(partyships__organisation=organisation))


def agreements_of_project(project: Any, *, user: UserLike) -> QuerySet[Agreement]:
    return visible_agreements(user, agreement_list().filter(projects=project))


def agreements_of_delegation(delegation: Any, *, user: UserLike) -> QuerySet[Agreement]:
    return visible_agreements(user, agreement_list().filter(delegations=delegation))


def _candidates(today: datetime.date) -> QuerySet[Agreement]:
    """Signed agreements not ended, with an expiry date: those a reminder can be about."""
    return (
        Agreement.objects.filter(signed_on__isnull=False, signed_on__lte=today)
        .filter(Q(terminated_on__isnull=True) | Q(terminated_on__gt=today))
        .exclude(expires_on=None)
    )


def expiring_agreements(today: datetime.date, days: int | None = None) -> list[Agreement]:
    """Agreements expiring soon (their notice deadline within ``days``), soonest first."""
    days = reminder_days() if days is None else days
    found = [
        agreement
        for agreement in _candidates(today).select_related("relationship_owner")
        if agreement.status_on(today, days) == AgreementStatus.EXPIRING
    ]
    return sorted(found, key=lambda agreement: (agreement.current_expiry(today), agreement.pk))


def agreements_to_remind(today: datetime.date, days: int | None = None) -> list[Agreement]:
    """Agreements expiring soon whose owner was not yet reminded of this expiry date."""
    return [
        agreement
        for agreement in expiring_agreements(today, days)
        if agreement.reminded_for != agreement.current_expiry(today)
    ]


def public_agreements() -> QuerySet[Agreement]:
    return visible_agreements(None, agreement_list())


def partner_cities(today: datetime.date) -> list[dict[str, Any]]:
    """The public portal's partner cities and regions: the foreign governments that are party
    to a public agreement in force, by country (sorted by the country's name in the active
    language), each with its agreements."""
    current = with_status(public_agreements(), CURRENT, today).order_by("signed_on", "pk")
    by_partner: dict[int, dict[str, Any]] = {}
    for agreement in current:
        for party in agreement.partyships.all():
            organisation = party.organisation
            if organisation.kind != OrganisationKind.FOREIGN_GOVERNMENT:
                continue
            entry = by_partner.setdefault(
                organisation.pk, {"organisation": organisation, "agreements": []}
            )
            entry["agreements"].append(agreement)
    by_country: defaultdict[str, list[dict[str, Any]]] = defaultdict(list)
    for entry in by_partner.values():
        by_country[entry["organisation"].country.code or ""].append(entry)
    groups = [
        {
            "country": Country(code=code) if code else None,
            "partners": sorted(
                entries, key=lambda e: e["organisation"].city or e["organisation"].name
            ),
        }
        for code, entries in by_country.items()
    ]
    return sorted(groups, key=lambda group: str(group["country"].name if group["country"] else "~"))
