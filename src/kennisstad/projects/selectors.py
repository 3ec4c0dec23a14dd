"""Reads over the project portfolio, including the year rules the budget indicators count by."""

import datetime

from django.db.models import Q, QuerySet

from .models import Project, ProjectStatus

COUNTING_STATUSES = (ProjectStatus.PLANNED, ProjectStatus.ACTIVE, ProjectStatus.COMPLETED)


def year_condition(period: str, year: int) -> Q:
    """Which projects count for ``year``: ``active`` (ran during some part of it: started by 31
    December, not ended before 1 January), ``started`` or ``ended`` in it. Ideas and cancelled
    projects never count (see ``COUNTING_STATUSES``). The budget indicators count by this rule."""
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    if period == "started":
        return Q(start_date__gte=first, start_date__lte=last)
    if period == "ended":
        return Q(end_date__gte=first, end_date__lte=last)
    return Q(start_date__lte=last) & (Q(end_date__isnull=True) | Q(end_date__gte=first))


def active_in_year(year: int, queryset: QuerySet | None = None) -> QuerySet:
    queryset = Project.objects.all() if queryset is None else queryset
    return queryset.filter(year_condition("active", year), status__in=COUNTING_STATUSES)


def project_list(*, queryset: QuerySet | None = None) -> QuerySet:
    queryset = Project.objects.all() if queryset is None else queryset
    return queryset.select_related("category", "lead_organisation", "owner").prefetch_related(
        "themes"
    )


def projects_of_organisation(organisation, *, user) -> QuerySet:
    """Projects an organisation leads or partners in, as far as ``user`` may see them."""
    from kennisstad.accounts import access

    queryset = Project.objects.filter(
        Q(lead_organisation=organisation) | Q(partnerships__organisation=organisation)
    ).distinct()
    return access.visible_projects(user, project_list(queryset=queryset))
