"""Reads over the project portfolio, including the year rules the budget indicators count by."""

import datetime

from django.db.models import Q, QuerySet

from .models import Project, ProjectStatus

COUNTING_STATUSES = (ProjectStatus.PLANNED, ProjectStatus.ACTIVE, ProjectStatus.COMPLETED)


def active_in_year(year: int, queryset: QuerySet | None = None) -> QuerySet:
    """Projects that ran during some part of ``year``: started by 31 December and not ended
    before 1 January. Ideas and cancelled projects never count."""
    queryset = Project.objects.all() if queryset is None else queryset
    first_day = datetime.date(year, 1, 1)
    last_day = datetime.date(year, 12, 31)
    return queryset.filter(
        Q(start_date__lte=last_day),
        Q(end_date__isnull=True) | Q(end_date__gte=first_day),
        status__in=COUNTING_STATUSES,
    )


def started_in_year(year: int, queryset: QuerySet | None = None) -> QuerySet:
    queryset = Project.objects.all() if queryset is None else queryset
    return queryset.filter(start_date__year=year, status__in=COUNTING_STATUSES)


def ended_in_year(year: int, queryset: QuerySet | None = None) -> QuerySet:
    queryset = Project.objects.all() if queryset is None else queryset
    return queryset.filter(end_date__year=year, status__in=COUNTING_STATUSES)


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
