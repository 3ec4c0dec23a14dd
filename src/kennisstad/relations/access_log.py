"""The access log of personal data: who read, exported or erased whose data, and why. Every
read path writes here, so each write is one insert (or one bulk insert for a list)."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from kennisstad.core.actors import actor_of
from kennisstad.core.typing import UserLike

from .models import PersonalDataAccess


def log_personal_data_access(*, user: UserLike, person_id: int, action: str, reason: str) -> None:
    """One insert, nothing else: cheap enough for every page view."""
    PersonalDataAccess.objects.create(
        user=actor_of(user),
        person_id=person_id,
        action=action,
        reason=reason[:500],
    )


def log_personal_data_reads(
    *, user: UserLike, person_ids: Iterable[int], action: str, reason: str
) -> None:
    """One row per person in a list page, an API page or a download: they are reads of
    personal data too. Inserted in bulk."""
    who = actor_of(user)
    rows = [
        PersonalDataAccess(user=who, person_id=person_id, action=action, reason=reason)
        for person_id in person_ids
    ]
    PersonalDataAccess.objects.bulk_create(rows, batch_size=2000)


def _require_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Give the reason; the access log records it.")})
    if "\x00" in reason:  # PostgreSQL refuses the NUL character in text
        raise ValidationError({"reason": _("The reason contains a character that is not allowed.")})
    limit = PersonalDataAccess._meta.get_field("reason").max_length
    if limit is not None and len(reason) > limit:  # PostgreSQL would refuse the log row with a 500
        raise ValidationError(
            {"reason": _("Use at most %(limit)s characters for the reason.") % {"limit": limit}}
        )
    return reason
