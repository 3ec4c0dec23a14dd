"""Reads of the newsletter: the public activities an edition fills in, subscriber counts and the
progress of sending."""

import datetime
import zoneinfo
from collections.abc import Iterable

from django.conf import settings
from django.db.models import Count, QuerySet

from kennisstad.agenda.models import Activity, ActivityStatus
from kennisstad.agenda.selectors import activity_list

from .models import Delivery, DeliveryStatus, Edition, Subscriber, SubscriberStatus


def edition_activities(edition: Edition) -> list[Activity]:
    """The public, not cancelled activities of the edition's period (whole days, local time),
    in order, with their themes (what the public may see: the visitor's view of the calendar).
    Once sending started, the list frozen then (less any activity no longer public)."""
    if edition.activity_ids is not None:
        return frozen_activities(edition.activity_ids)
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    start = datetime.datetime.combine(edition.activities_from, datetime.time.min, tzinfo=zone)
    until = min(edition.activities_until, datetime.date.max - datetime.timedelta(days=1))
    end = datetime.datetime.combine(
        until + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone
    )
    activities = (
        activity_list(user=None)
        .filter(ends_at__gte=start, starts_at__lt=end)
        .exclude(status=ActivityStatus.CANCELLED)
        .order_by("starts_at", "pk")
    )
    return list(activities[:200])


def frozen_activities(ids: list[int]) -> list[Activity]:
    found = {activity.pk: activity for activity in activity_list(user=None).filter(pk__in=ids)}
    return [found[pk] for pk in ids if pk in found]


def activities_for_themes(
    activities: Iterable[Activity], theme_ids: frozenset[int]
) -> list[Activity]:
    """A subscriber's share: every activity when they chose no theme, else those of one of their
    themes and those without a theme (about the programme as a whole)."""
    if not theme_ids:
        return list(activities)
    return [
        activity
        for activity in activities
        if not activity.themes.all() or {theme.pk for theme in activity.themes.all()} & theme_ids
    ]


def subscriber_counts() -> dict[str, int]:
    counts = dict(
        Subscriber.objects.values_list("status").annotate(n=Count("pk")).values_list("status", "n")
    )
    return {status: counts.get(status, 0) for status in SubscriberStatus.values}


def subscriber_list() -> QuerySet[Subscriber]:
    return Subscriber.objects.prefetch_related("themes").order_by("email")


def edition_list() -> QuerySet[Edition]:
    return Edition.objects.select_related("updated_by").order_by("-created_at", "-pk")


def delivery_counts(edition: Edition) -> dict[str, int]:
    """How far sending is: deliveries per status (``claimed``: a mail was being sent when the
    process stopped; see ``sending``)."""
    counts = dict(
        Delivery.objects.filter(edition=edition)
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    result = {status: counts.get(status, 0) for status in DeliveryStatus.values}
    result["total"] = sum(result.values())
    return result
