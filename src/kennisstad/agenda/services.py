"""Writes on the shared calendar. Every change raises the iCalendar SEQUENCE so subscribed
calendar programs (Outlook, Google) pick it up."""

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kennisstad.accounts import access
from kennisstad.core.services import delete_record, save_record

from .models import Activity, FeedToken


@transaction.atomic
def save_activity(
    *,
    activity: Activity,
    user,
    expected_version: int | None = None,
    team_participants: Iterable | None = None,
    people: Iterable | None = None,
    themes: Iterable | None = None,
    change_reason: str = "",
) -> Activity:
    """``change_reason`` names the actor in the audit trail when there is no user (a partner
    calendar's sync)."""
    if user is not None and user.is_authenticated and not access.is_team(user):
        _check_partner_activity(activity, user, team_participants=team_participants, people=people)
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
        instance=activity,
        user=user,
        expected_version=expected_version,
        many_to_many=many,
        change_reason=change_reason,
    )


def _check_partner_activity(activity: Activity, user, *, team_participants, people) -> None:
    """A partner edits its own organisation's activities, links only projects it may see
    (keeping a link the team made to one it cannot see), and does not set who takes part (it
    cannot see the team's contacts)."""
    from kennisstad.projects.models import Project

    if not access.is_partner(user):
        raise PermissionDenied(_("You may not change the calendar."))
    errors = {}
    if activity.organiser_organisation_id != user.organisation_id:
        errors["organiser_organisation"] = _(
            "Partners add and change only activities their own organisation organises."
        )
    stored_project = (
        Activity.objects.filter(pk=activity.pk).values_list("project_id", flat=True).first()
        if activity.pk
        else None
    )
    if (
        activity.project_id
        and activity.project_id != stored_project  # a link the team made stays, unseen
        and not access.visible_projects(
            user, Project.objects.filter(pk=activity.project_id)
        ).exists()
    ):
        errors["project"] = _("Choose a public project or one your organisation takes part in.")
    if team_participants:
        errors["team_participants"] = _("Only the team records which colleagues take part.")
    if people:
        errors["people"] = _("Only the team records which contacts take part.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def delete_activity(*, activity: Activity, user, expected_version: int) -> None:
    delete_record(instance=activity, user=user, expected_version=expected_version)


@transaction.atomic
def create_feed_token(*, user, name: str, filters: dict | None = None) -> FeedToken:
    """A new secret subscription address for ``user``'s view of the calendar."""
    if not access.can_use_registry(user):
        raise PermissionDenied(_("You may not subscribe to the calendar."))
    return FeedToken.objects.create(user=user, name=name or "Outlook", filters=filters or {})


@transaction.atomic
def revoke_feed_token(*, feed: FeedToken, user) -> None:
    if feed.user_id != user.pk:
        raise PermissionDenied
    feed.revoked_at = timezone.now()
    feed.save(update_fields=["revoked_at"])
