"""The nightly purge of registrations past their retention period, as a scheduled task: a thin
wrapper over ``services.purge_expired``. A rerun finds nothing left to delete."""

from kennisstad.core.background import background_task

from .services import purge_expired


@background_task("registrations.purge_expired", job="registrations_purge")
def purge_expired_registrations_task() -> dict[str, int]:
    """Delete the registrations (with their history) of activities that ended more than their
    retention period ago."""
    return {"deleted": purge_expired()}
