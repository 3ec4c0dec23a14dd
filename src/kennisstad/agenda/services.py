"""Writes on the shared calendar. Every change raises the iCalendar SEQUENCE so subscribed
calendar programs (Outlook, Google) pick it up."""

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kennisstad.accounts import access
from kennisstad.core.services import delete_record, save_record

from .models import Activity


@transaction.atomic
def save_activity(
    *,
    activity: Activity,
    user,
    expected_version: int | None = None,
    team_participants: Iterable | None = None,
    people: Iterable | None = None,
    themes: Iterable | None = None,
) -> Activity:
    if user is not None and user.is_authenticated and not access.is_team(user):
        if not access.is_partner(user):
            raise PermissionDenied(_("You may not change the calendar."))
        if activity.organiser_organisation_id != user.organisation_id:
            raise ValidationError(
                {
                    "organiser_organisation": _(
                        "Partners add and change only activities their own organisation organises."
                    )
                }
            )
    if not activity._state.adding:
        activity.sequence += 1
    many = {}
    for name, values in (
        ("team_participants", team_participants),
        ("people", people),
        ("themes", themes),
    ):
        if values is not None:
            many[name] = values
    return save_record(
        instance=activity, user=user, expected_version=expected_version, many_to_many=many
    )


@transaction.atomic
def delete_activity(*, activity: Activity, user, expected_version: int | None = None) -> None:
    delete_record(instance=activity, user=user, expected_version=expected_version)
