"""Writes on the integrity registers. Only the team records; every write is versioned and
leaves an audit-trail row with its author."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from kennisstad.accounts import access
from kennisstad.core.services import delete_record, save_record
from kennisstad.core.typing import UserLike

from .models import GiftGiven, GiftReceived, OfficeHolder, ThirdPartyTrip

IntegrityRecord = OfficeHolder | GiftReceived | GiftGiven | ThirdPartyTrip


def _require_team(user: UserLike) -> None:
    """A signed-in user outside the team may not write; ``None`` is the system (demo)."""
    if user is not None and user.is_authenticated and not access.is_team(user):
        raise PermissionDenied(_("Only the team keeps the integrity registers."))


@transaction.atomic
def save_office_holder(
    *, office_holder: OfficeHolder, user: UserLike, expected_version: int | None = None
) -> OfficeHolder:
    _require_team(user)
    save_record(instance=office_holder, user=user, expected_version=expected_version)
    return office_holder


@transaction.atomic
def save_gift_received(
    *, gift: GiftReceived, user: UserLike, expected_version: int | None = None
) -> GiftReceived:
    """Register a gift or hospitality received; ``clean`` refuses keeping one above the
    threshold."""
    _require_team(user)
    save_record(instance=gift, user=user, expected_version=expected_version)
    return gift


@transaction.atomic
def save_gift_given(
    *, gift: GiftGiven, user: UserLike, expected_version: int | None = None
) -> GiftGiven:
    _require_team(user)
    save_record(instance=gift, user=user, expected_version=expected_version)
    return gift


@transaction.atomic
def save_trip(
    *, trip: ThirdPartyTrip, user: UserLike, expected_version: int | None = None
) -> ThirdPartyTrip:
    _require_team(user)
    save_record(instance=trip, user=user, expected_version=expected_version)
    return trip


@transaction.atomic
def delete_integrity_record(
    *, instance: IntegrityRecord, user: UserLike, expected_version: int
) -> None:
    _require_team(user)
    delete_record(instance=instance, user=user, expected_version=expected_version)
