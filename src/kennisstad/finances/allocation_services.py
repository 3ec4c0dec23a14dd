"""Writes of project allocations: the part of a project's money charged to a policy field and
taakveld in a year. Through ``core.services`` like every registry record, so each change has a
version check and an audit trail."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kennisstad.core.services import delete_record, save_record
from kennisstad.core.typing import UserLike

from .models import ProjectAllocation


@transaction.atomic
def save_allocation(
    *, allocation: ProjectAllocation, user: UserLike, expected_version: int | None = None
) -> ProjectAllocation:
    """Save a new or edited allocation. A second allocation of the same project, year, policy
    field and taakveld is refused by name (the numbers belong on the existing one)."""
    duplicate = (
        ProjectAllocation.objects.filter(
            project_id=allocation.project_id,
            year=allocation.year,
            policy_area_id=allocation.policy_area_id,
            taakveld_id=allocation.taakveld_id,
        )
        .exclude(pk=allocation.pk)
        .exists()
    )
    if duplicate:
        raise ValidationError(
            _(
                "This project already has an allocation for %(year)s on this policy field and "
                "taakveld; change that one."
            )
            % {"year": allocation.year}
        )
    return save_record(instance=allocation, user=user, expected_version=expected_version)


@transaction.atomic
def delete_allocation(
    *, instance: ProjectAllocation, user: UserLike, expected_version: int
) -> None:
    """Delete an allocation the editor saw at ``expected_version``; the audit trail keeps it."""
    delete_record(instance=instance, user=user, expected_version=expected_version)
