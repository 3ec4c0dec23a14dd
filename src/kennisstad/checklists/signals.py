"""Due dates follow their event: when an activity is saved, the tasks on it (or on its
delegation) that were not set by hand move with its first day."""

from typing import Any

from django.db.models.signals import post_save

from kennisstad.agenda.models import Activity


def _activity_saved(
    sender: Any, instance: Activity, created: bool, raw: bool, **kwargs: Any
) -> None:
    if created or raw:
        return
    from .services import follow_event

    follow_event(instance)


def connect() -> None:
    post_save.connect(_activity_saved, sender=Activity, dispatch_uid="checklists-follow-event")
