"""Reads over the shared calendar, always filtered by what the reader may see."""

from django.db.models import QuerySet
from django.utils import timezone

from kennisstad.accounts import access

from .models import Activity


def activity_list(*, user, queryset: QuerySet | None = None) -> QuerySet:
    queryset = Activity.objects.all() if queryset is None else queryset
    queryset = queryset.select_related("organiser_organisation", "project").prefetch_related(
        "themes"
    )
    return access.visible_activities(user, queryset)


def upcoming_activities(*, user, days: int = 14) -> QuerySet:
    now = timezone.now()
    return (
        activity_list(user=user)
        .filter(ends_at__gte=now, starts_at__lt=now + timezone.timedelta(days=days))
        .order_by("starts_at")
    )


def activities_of_organisation(organisation, *, user) -> QuerySet:
    return (
        activity_list(user=user).filter(organiser_organisation=organisation).order_by("-starts_at")
    )


def activities_of_project(project, *, user) -> QuerySet:
    return activity_list(user=user).filter(project=project).order_by("starts_at")
