"""Deleting registrations for good: the nightly purge after the retention period (keeping
anonymous counts for the indicators), deletion with every history version (erasure, a deleted
activity or registration settings) and history left behind by activities that are gone.
Places freed go to the waiting list under the activity's lock (``services``)."""

import datetime
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from kennisstad.agenda.models import Activity
from kennisstad.core.events import log_event_on_commit
from kennisstad.privacy.registry import months_after
from kennisstad.privacy.selectors import period_months

from .models import Registration, RegistrationSettings, RegistrationStatus, activity_end
from .services import _lock_places, _promote_waiting

REGISTRATION_KIND = "registrations.registration"


def kept_until(config: RegistrationSettings, months: int) -> datetime.datetime:
    """When the registrations of this activity go: ``retention_days`` after its end, but never
    later than the municipality's period for registrations (the activity's own number can
    shorten the period, not lengthen it)."""
    end = activity_end(config.activity)
    return min(end + datetime.timedelta(days=config.retention_days), months_after(end, months))


def purge_kind(*, dry_run: bool = False, **_unused) -> int:
    """The purge as ``privacy`` runs it for the kind "registration"."""
    return purge_expired(dry_run=dry_run)


def purge_expired(*, now: datetime.datetime | None = None, dry_run: bool = False) -> int:
    """Delete the registrations of activities that ended more than their retention period
    ago, with their history (nothing of them stays). Returns how many went."""
    now = now or timezone.now()
    months = period_months(REGISTRATION_KIND)
    expired: list[int] = []
    if not dry_run:
        forget_orphaned_history()
    configs = RegistrationSettings.objects.select_related("activity").filter(
        activity__ends_at__lt=now
    )
    for config in configs.iterator():
        if kept_until(config, months) < now:
            pks = list(
                Registration.objects.filter(activity_id=config.activity_id).values_list(
                    "pk", flat=True
                )
            )
            if pks and not dry_run:
                _keep_counts(config, pks)
            expired += pks
    if not dry_run and expired:
        delete_with_history(expired)
    log_event_on_commit("registrations.purged", deleted=len(expired), dry_run=dry_run)
    return len(expired)


def _keep_counts(config: RegistrationSettings, pks: list[int]) -> None:
    """Add the anonymous counts of registrations about to be purged to their settings row."""
    confirmed = Registration.objects.filter(pk__in=pks, status=RegistrationStatus.CONFIRMED)
    RegistrationSettings.objects.filter(pk=config.pk).update(
        kept_confirmed=F("kept_confirmed") + confirmed.count(),
        kept_checked_in=F("kept_checked_in")
        + confirmed.filter(checked_in_at__isnull=False).count(),
        kept_no_shows=F("kept_no_shows") + confirmed.filter(no_show=True).count(),
    )


@transaction.atomic
def delete_with_history(pks: list[int]) -> int:
    """Delete registrations and every version of them in the history (also the deletion row).
    Places freed go to the waiting list under the activity's lock."""
    freed = set(
        Registration.objects.filter(pk__in=pks, status=RegistrationStatus.CONFIRMED)
        .values_list("activity_id", flat=True)
        .distinct()
    )
    deleted, _counts = Registration.objects.filter(pk__in=pks).delete()
    Registration.history.model.objects.filter(id__in=pks).delete()
    for activity_id in sorted(freed):
        config = _lock_places(activity_id)
        if config is not None:
            _promote_waiting(config)
    return deleted


def forget_registrations_of_activity(sender: Any, instance: Activity, **kwargs: Any) -> None:
    """After an activity was deleted (its registrations with it): every version of them goes."""
    Registration.history.model.objects.filter(activity_id=instance.pk).delete()


def forget_registrations_of_settings(
    sender: Any, instance: RegistrationSettings, **kwargs: Any
) -> None:
    """Before registration settings are deleted: the registrations go, history included."""
    pks = list(
        Registration.objects.filter(activity_id=instance.activity_id).values_list("pk", flat=True)
    )
    if pks:
        delete_with_history(pks)


def forget_orphaned_history() -> int:
    """History versions of registrations whose activity no longer exists (deleted before the
    registrations took their history with them)."""
    history = Registration.history.model.objects
    deleted, _counts = history.exclude(activity_id__in=Activity.objects.values("pk")).delete()
    return int(deleted)
