"""Writes on the P&C calendar: a deadline for a document's input is set, moved or removed by
the team, each change versioned (a stale edit is refused) and kept in the audit trail."""

from django.db import transaction

from kennisstad.core.events import log_event_on_commit
from kennisstad.core.services import delete_record, save_record
from kennisstad.core.typing import UserLike

from .models import Deadline


@transaction.atomic
def save_deadline(
    *, deadline: Deadline, user: UserLike, expected_version: int | None = None
) -> Deadline:
    """Set or move a deadline; the model refuses a second one for the same document input."""
    created = deadline._state.adding
    save_record(instance=deadline, user=user, expected_version=expected_version)
    log_event_on_commit(
        "policy.deadline.created" if created else "policy.deadline.changed",
        user=user,
        deadline=deadline.pk,
    )
    return deadline


@transaction.atomic
def delete_deadline(*, deadline: Deadline, user: UserLike, expected_version: int) -> None:
    """Remove a deadline, with the reminders recorded for it."""
    pk = deadline.pk
    delete_record(instance=deadline, user=user, expected_version=expected_version)
    log_event_on_commit("policy.deadline.deleted", user=user, deadline=pk)
