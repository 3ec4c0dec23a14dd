"""Writes on the shared calendar. Every change raises the iCalendar SEQUENCE so subscribed
calendar programs (Outlook, Google) pick it up."""

import datetime
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kennisstad.accounts import access
from kennisstad.accounts.models import User
from kennisstad.core.events import log_event_on_commit
from kennisstad.core.services import delete_record, save_record
from kennisstad.core.typing import UserLike

from .models import Activity, FeedToken, Visibility


@transaction.atomic
def save_activity(
    *,
    activity: Activity,
    user: UserLike,
    expected_version: int | None = None,
    team_participants: Iterable[object] | None = None,
    people: Iterable[object] | None = None,
    themes: Iterable[object] | None = None,
    change_reason: str = "",
) -> Activity:
    """``change_reason`` names the actor in the audit trail when there is no user (a partner
    calendar's sync)."""
    by_partner = user is not None and user.is_authenticated and not access.is_team(user)
    if by_partner:
        _check_partner_activity(activity, user, team_participants=team_participants, people=people)
    before = (activity.publication_requested_at, activity.publication_approved_at)
    # A partner's feed writes without a user: it speaks for the partner too.
    publication_gate(
        activity,
        user=user,
        by_partner=by_partner or (user is None and activity.subscription_id is not None),
    )
    if not activity._state.adding:
        activity.sequence += 1
    many: dict[str, Iterable[object]] = {}
    for name, values in (
        ("team_participants", team_participants),
        ("people", people),
        ("themes", themes),
    ):
        if values is not None:
            many[name] = values
    save_record(
        instance=activity,
        user=user,
        expected_version=expected_version,
        many_to_many=many,
        change_reason=change_reason,
    )
    approved_at = activity.publication_approved_at
    if approved_at is not None and approved_at != before[1]:
        _log_publication(activity, "approved" if before[0] else "published", before[0], user)
    return activity


def _log_publication(
    activity: Activity, outcome: str, requested_at: datetime.datetime | None, user: UserLike
) -> None:
    """``publication.activity.<outcome>`` once the save commits; with the time the request
    waited, for a turnaround figure."""
    waited = None
    if requested_at is not None:
        waited = int((timezone.now() - requested_at).total_seconds())
    log_event_on_commit(
        f"publication.activity.{outcome}",
        user=user,
        activity=activity.pk,
        organiser=activity.organiser_organisation_id,
        waited_seconds=waited,
    )


# What the public reads (portal, public feed, anonymous API): a partner changing one of these on
# an approved public activity asks for approval again (strict on purpose: this is what the
# municipality publishes). The status is left out: a partner may always cancel. Themes are set
# after the save and are not compared.
PUBLISHED_CONTENT = (
    "title_nl",
    "title_en",
    "description_nl",
    "description_en",
    "kind",
    "starts_at",
    "ends_at",
    "all_day",
    "timezone",
    "rrule",
    "exception_dates",
    "location",
    "city",
    "country",
    "project_id",
)


def publication_gate(activity: Activity, *, user: UserLike, by_partner: bool) -> None:
    """Decide the visibility that applies now. A partner (or its feed) asking for "public" gets
    "partners" plus a pending request until a team member approves; an approved public activity
    whose published content a partner changes goes back to pending. A team member setting
    "public" approves. ``KENNISSTAD_PARTNER_PUBLISH_WITHOUT_REVIEW`` turns the review off."""
    public = Visibility.PUBLIC
    if not by_partner:
        if activity.visibility == public and activity.publication_requested_at is not None:
            activity.publication_requested_at = None
        if activity.visibility == public and _stored(activity, "visibility") != public:
            if isinstance(user, User):  # signed in
                activity.publication_approved_by = user
            activity.publication_approved_at = timezone.now()
        return
    if activity.visibility == Visibility.INTERNAL:
        activity.publication_requested_at = None  # a partner withdrew its activity altogether
        return
    if activity.visibility != public:
        return  # "partners" is what a pending request shows now: the request stands
    if settings.KENNISSTAD_PARTNER_PUBLISH_WITHOUT_REVIEW:
        activity.publication_requested_at = None
        return
    stored = (
        Activity.objects.filter(pk=activity.pk).values("visibility", *PUBLISHED_CONTENT).first()
        if activity.pk
        else None
    )
    unchanged = stored is not None and all(
        stored[name] == getattr(activity, name) for name in PUBLISHED_CONTENT
    )
    if stored is not None and stored["visibility"] == public and unchanged:
        return  # approved and still what was approved
    activity.visibility = Visibility.PARTNERS
    activity.publication_requested_at = activity.publication_requested_at or timezone.now()
    activity.publication_approved_by = None
    activity.publication_approved_at = None


def _stored(activity: Activity, name: str) -> object:
    if activity.pk is None:
        return None
    return Activity.objects.filter(pk=activity.pk).values_list(name, flat=True).first()


@transaction.atomic
def approve_publication(*, activity: Activity, user: UserLike, expected_version: int) -> Activity:
    """A team member publishes an activity a partner asked to make public."""
    if not access.is_team(user):
        raise PermissionDenied(_("Only the team approves publication."))
    activity.visibility = Visibility.PUBLIC
    return save_activity(activity=activity, user=user, expected_version=expected_version)


@transaction.atomic
def reject_publication(*, activity: Activity, user: UserLike, expected_version: int) -> Activity:
    """A team member declines: the activity stays visible to partners, the request is gone."""
    if not access.is_team(user):
        raise PermissionDenied(_("Only the team approves publication."))
    requested_at = activity.publication_requested_at
    activity.publication_requested_at = None
    save_activity(activity=activity, user=user, expected_version=expected_version)
    if requested_at is not None:
        _log_publication(activity, "rejected", requested_at, user)
    return activity


def _check_partner_activity(
    activity: Activity,
    user: UserLike,
    *,
    team_participants: Iterable[object] | None,
    people: Iterable[object] | None,
) -> None:
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
def delete_activity(*, activity: Activity, user: UserLike, expected_version: int) -> None:
    delete_record(instance=activity, user=user, expected_version=expected_version)


@transaction.atomic
def create_feed_token(
    *, user: UserLike, name: str, filters: dict[str, Any] | None = None
) -> FeedToken:
    """A new secret subscription address for ``user``'s view of the calendar."""
    if not access.can_use_registry(user):
        raise PermissionDenied(_("You may not subscribe to the calendar."))
    return FeedToken.objects.create(user=user, name=name or "Outlook", filters=filters or {})


@transaction.atomic
def revoke_feed_token(*, feed: FeedToken, user: User) -> None:
    if feed.user_id != user.pk:
        raise PermissionDenied
    feed.revoked_at = timezone.now()
    feed.save(update_fields=["revoked_at"])
