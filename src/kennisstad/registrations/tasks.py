"""Background tasks: the nightly purge of registrations past their retention period (a rerun
finds nothing left to delete) and each mail to a registrant, as thin wrappers."""

from kennisstad.core.background import background_task

from .mails import send_to_registrant
from .retention import purge_expired


@background_task("registrations.purge_expired", job="registrations_purge")
def purge_expired_registrations_task() -> dict[str, int]:
    """Delete the registrations (with their history) of activities that ended more than their
    retention period ago."""
    return {"deleted": purge_expired()}


# Acknowledged when taken: a mail keeps no sent-log, so a worker killed after sending must not
# send it again; a mail server that is away for now retries through the policy.
@background_task("registrations.send_registrant_mail", job="registration_mail", acks_late=False)
def send_registrant_mail(registration_id: int, kind: str) -> dict[str, int]:
    """One mail to one registrant (``mails.send_to_registrant``)."""
    return {"sent": send_to_registrant(registration_id, kind)}
