"""Reads of the registrations app, also for the apps above it (portal, indicators)."""

import datetime

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from kennisstad.accounts import access
from kennisstad.agenda.models import Activity
from kennisstad.core.typing import UserLike

from .models import Registration, RegistrationSettings, RegistrationStatus, ended


def may_manage(user: UserLike, activity: Activity) -> bool:
    """Settings, attendee list and check-in: whoever may change the activity (the team; a
    partner for its own organisation's activities). The list is personal data."""
    return access.can_change(user, activity)


def settings_for(activity: Activity) -> RegistrationSettings | None:
    return RegistrationSettings.objects.filter(activity=activity).first()


def registrable_activity(pk: int, *, user: UserLike) -> Activity | None:
    """The activity with this number if ``user`` may see it and it has registration set up."""
    activities = access.visible_activities(user, Activity.objects.all())
    return (
        activities.filter(pk=pk, registration_settings__isnull=False)
        .select_related("registration_settings")
        .first()
    )


def open_for_registration(
    activity_ids: list[int], *, now: datetime.datetime | None = None
) -> set[int]:
    """Which of these activities take registrations now (the portal links to their form)."""
    now = now or timezone.now()
    return set(
        RegistrationSettings.objects.filter(activity_id__in=activity_ids, is_open=True)
        .exclude(ended(now))
        .exclude(activity__ends_at__lte=now, activity__rrule="")
        .exclude(activity__status="cancelled")
        .filter(Q(opens_at__isnull=True) | Q(opens_at__lte=now))
        .filter(Q(deadline__isnull=True) | Q(deadline__gte=now))
        .values_list("activity_id", flat=True)
    )


def counts_for(activity: Activity) -> dict[str, int]:
    """Confirmed, waiting, cancelled, checked in and no-shows of one activity."""
    rows = Registration.objects.filter(activity=activity).aggregate(
        confirmed=Count("pk", filter=Q(status=RegistrationStatus.CONFIRMED)),
        waiting=Count("pk", filter=Q(status=RegistrationStatus.WAITING)),
        cancelled=Count("pk", filter=Q(status=RegistrationStatus.CANCELLED)),
        checked_in=Count("pk", filter=Q(checked_in_at__isnull=False)),
        no_shows=Count("pk", filter=Q(no_show=True)),
    )
    return {key: value or 0 for key, value in rows.items()}


def places_left(config: RegistrationSettings) -> int | None:
    if config.capacity is None:
        return None
    taken = Registration.objects.filter(
        activity_id=config.activity_id, status=RegistrationStatus.CONFIRMED
    ).count()
    return max(config.capacity - taken, 0)


def attendees(activity: Activity) -> QuerySet[Registration]:
    """Everyone registered (not cancelled): confirmed by name, then the waiting list in order."""
    return (
        Registration.objects.filter(activity=activity)
        .exclude(status=RegistrationStatus.CANCELLED)
        .order_by("status", "waiting_position", "name", "pk")
    )


def attendance_per_activity(
    activity_ids: list[int], *, checked_in_only: bool = True, now: datetime.datetime | None = None
) -> dict[int, int]:
    """Per activity the people who came (confirmed and checked in) or, with
    ``checked_in_only=False``, the confirmed registrations of activities that have ended: what
    an indicator rule such as "visitors of IWCN events" counts. Registrations already purged
    count through the anonymous numbers kept on the settings row."""
    registrations = Registration.objects.filter(
        activity_id__in=activity_ids, status=RegistrationStatus.CONFIRMED
    )
    configs = RegistrationSettings.objects.filter(activity_id__in=activity_ids)
    if checked_in_only:
        registrations = registrations.filter(checked_in_at__isnull=False)
        kept = "kept_checked_in"
    else:
        over = ended(now or timezone.now())
        registrations = registrations.filter(over)
        configs = configs.filter(over)
        kept = "kept_confirmed"
    rows = registrations.values("activity_id").annotate(n=Count("pk")).order_by()
    counts = {row["activity_id"]: row["n"] for row in rows}
    for activity_id, number in configs.filter(**{f"{kept}__gt": 0}).values_list(
        "activity_id", kept
    ):
        counts[activity_id] = counts.get(activity_id, 0) + number
    return counts
