"""The one place that decides who may see and change what.

Every view, API endpoint and feed asks this module; nothing else inspects roles. Rules:
- anonymous visitors see public projects and public activities only;
- readers (e.g. council members) read the registry except contacts' personal data and who takes
  part in activities, and change nothing;
- partner editors see public and partner-visible activities and public projects plus their own
  organisation's; they create and edit only activities their organisation organises;
- team members read and edit everything; administrators also configure (admin site, themes, users);
- delegations follow their visit's visibility; partners never see their gifts or travel costs,
  and only the team sees who the members and hosts are.
"""

from typing import TypeGuard

from django.db.models import Q, QuerySet

from .models import Role, User

VISIBILITY_PUBLIC = "public"
VISIBILITY_PARTNERS = "partners"
VISIBILITY_INTERNAL = "internal"


def role_of(user) -> str | None:
    if user is None or not user.is_authenticated:
        return None
    if getattr(user, "second_factor_pending", False):
        # Signed in with the password, the second factor still owed (accounts.second_factor):
        # no role yet, so no page, feed or API answer shows more than to a visitor.
        return None
    if user.is_superuser:
        return Role.ADMINISTRATOR
    return user.role


def is_team(user) -> bool:
    """Team members and administrators: full read and write access to the registry."""
    return role_of(user) in (Role.ADMINISTRATOR, Role.TEAM_MEMBER)


def is_team_or_reader(user) -> bool:
    """Everyone of the municipality's side: browses the whole registry (readers only read)."""
    return role_of(user) in (Role.ADMINISTRATOR, Role.TEAM_MEMBER, Role.READER)


def is_administrator(user) -> bool:
    return role_of(user) == Role.ADMINISTRATOR


# True only for a signed-in ``User``: TypeGuard tells the type checker so (its organisation).
def is_partner(user) -> TypeGuard[User]:
    return role_of(user) == Role.PARTNER_EDITOR and user.organisation_id is not None


def can_use_registry(user) -> TypeGuard[User]:
    """Whether the user may open the internal registry pages at all."""
    return role_of(user) in (Role.ADMINISTRATOR, Role.TEAM_MEMBER, Role.READER, Role.PARTNER_EDITOR)


def visible_visibilities(user) -> tuple[str, ...]:
    role = role_of(user)
    if role in (Role.ADMINISTRATOR, Role.TEAM_MEMBER, Role.READER):
        return (VISIBILITY_PUBLIC, VISIBILITY_PARTNERS, VISIBILITY_INTERNAL)
    if role == Role.PARTNER_EDITOR:
        return (VISIBILITY_PUBLIC, VISIBILITY_PARTNERS)
    return (VISIBILITY_PUBLIC,)


# --- reading -------------------------------------------------------------------------------


def _activity_condition(user, prefix: str = "") -> Q:
    """The activities a user who is neither team nor reader may see, as a condition on the
    activity fields (``prefix`` reaches them through a relation, e.g. ``"activity__"``)."""
    condition = Q(**{f"{prefix}visibility__in": visible_visibilities(user)})
    if is_partner(user):
        condition |= Q(**{f"{prefix}organiser_organisation_id": user.organisation_id})
    return condition


def visible_activities(user, queryset: QuerySet) -> QuerySet:
    """Activities the user may see; a partner also sees all its own organisation organises."""
    if is_team_or_reader(user):
        return queryset
    return queryset.filter(_activity_condition(user))


def visible_projects(user, queryset: QuerySet) -> QuerySet:
    role = role_of(user)
    if role in (Role.ADMINISTRATOR, Role.TEAM_MEMBER, Role.READER):
        return queryset
    condition = Q(is_public=True)
    if is_partner(user):
        condition |= Q(lead_organisation_id=user.organisation_id)
        condition |= Q(partnerships__organisation_id=user.organisation_id)
    return queryset.filter(condition).distinct()


def visible_organisations(user, queryset: QuerySet) -> QuerySet:
    role = role_of(user)
    if role in (Role.ADMINISTRATOR, Role.TEAM_MEMBER, Role.READER):
        return queryset
    if is_partner(user):
        return queryset.filter(pk=user.organisation_id)
    return queryset.none()


def can_see_people(user) -> bool:
    """Contact persons are personal data: only the team works with them."""
    return is_team(user)


def visible_people(user, queryset: QuerySet) -> QuerySet:
    return queryset if can_see_people(user) else queryset.none()


def visible_interactions(user, queryset: QuerySet) -> QuerySet:
    return queryset if is_team(user) else queryset.none()


def can_see_participants(user) -> bool:
    """Who takes part in an activity (colleagues and contacts) is for the team only."""
    return is_team(user)


def visible_delegations(user, queryset: QuerySet) -> QuerySet:
    """Delegations of the visits the user may see in the calendar; anonymous visitors none."""
    if is_team_or_reader(user):
        return queryset
    if not is_partner(user):
        return queryset.none()
    return queryset.filter(_activity_condition(user, prefix="activity__"))


def can_see_delegation_people(user) -> bool:
    """Who comes on a visit, who hosts it and their needs (diet, accessibility) are personal
    data: the team only, like the participants of an activity."""
    return is_team(user)


def can_see_gifts_and_travel_costs(user) -> bool:
    """Gifts and travel costs feed the integrity registers: the municipality's side only, never
    partners."""
    return is_team_or_reader(user)


def visible_integrity_records(user, queryset: QuerySet) -> QuerySet:
    """The integrity registers as the team keeps them (gifts received and given, third-party
    trips, office-holders): the municipality's side. The public sees only the published
    register, through the portal."""
    return queryset if can_see_gifts_and_travel_costs(user) else queryset.none()


def can_see_management_details(user) -> bool:
    """Who in the municipality owns a project or a relationship, and what a project costs, are
    the municipality's own business: its side only (team and readers). Partners and the public
    see the work, not how it is managed; pages and API leave these fields out alike."""
    return is_team_or_reader(user)


def can_see_history(user) -> bool:
    """The audit trail names who changed what: team members only."""
    return is_team(user)


# --- changing ------------------------------------------------------------------------------


def can_create(user, model_label: str) -> bool:
    """``model_label`` is ``app_label.ModelName`` in lower case, e.g. ``agenda.activity``."""
    if is_team(user):
        return True
    return model_label == "agenda.activity" and is_partner(user)


def can_change(user, obj) -> bool:
    if is_team(user):
        return True
    if is_partner(user) and obj._meta.label_lower == "agenda.activity":
        return obj.organiser_organisation_id == user.organisation_id
    return False


def can_delete(user, obj) -> bool:
    return can_change(user, obj)


def can_choose_official_figures(user) -> bool:
    """Mark which of the values documents give is the official figure, and see where a recount
    contradicts it: the team, never partners, readers or the public."""
    return is_team(user)


def can_export_personal_data(user) -> bool:
    """Export everything held about a contact (AVG right of access): the team, never partners or
    readers."""
    return is_team(user)


def can_erase_personal_data(user) -> bool:
    """Erase a contact's personal data (AVG right to erasure): the team, never partners or
    readers."""
    return is_team(user)


def can_see_personal_data_log(user) -> bool:
    """Who read, exported or erased whose data: the team, for accountability."""
    return is_team(user)


def can_merge_duplicates(user) -> bool:
    """Find duplicate organisations and people and merge them: the team."""
    return is_team(user)


def can_configure(user) -> bool:
    """Administrators configure themes, categories, users and the admin site."""
    return is_administrator(user)


# --- figures partners deliver ----------------------------------------------------------------


def can_deliver_values(user, indicator) -> bool:
    """A partner editor enters the figures of the indicators its own organisation owns (the
    IWCN its visitor numbers); the team enters realisations directly and approves these."""
    return is_partner(user) and indicator.owner_organisation_id == user.organisation_id


def can_review_deliveries(user) -> bool:
    """Approve or reject a delivered value: the team (never the one who entered it, which the
    service checks: four eyes)."""
    return is_team(user)


def visible_deliveries(user, queryset: QuerySet) -> QuerySet:
    """The team sees every delivered value; a partner editor only its own organisation's."""
    if is_team(user):
        return queryset
    if is_partner(user):
        return queryset.filter(organisation_id=user.organisation_id)
    return queryset.none()
