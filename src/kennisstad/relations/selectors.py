"""Reads over the relations registry."""

import datetime

from dateutil.relativedelta import relativedelta
from django.db.models import F, Max, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Interaction, Organisation, Person


def organisation_list(*, queryset: QuerySet | None = None) -> QuerySet:
    queryset = Organisation.objects.all() if queryset is None else queryset
    return queryset.select_related("relationship_owner").order_by("name", "id")


def person_list(*, queryset: QuerySet | None = None) -> QuerySet:
    queryset = Person.objects.all() if queryset is None else queryset
    queryset = queryset.filter(erased_at__isnull=True)  # erased contacts are no contacts
    # The organisations' names only, unordered: sorting the prefetch made PostgreSQL walk the
    # name index of every organisation.
    organisations = Prefetch("organisations", Organisation.objects.only("pk", "name").order_by())
    return queryset.prefetch_related(organisations).order_by("last_name", "first_name", "id")


def interactions_with(organisation: Organisation) -> QuerySet:
    return (
        Interaction.objects.filter(organisations=organisation)
        .select_related("owner")
        .order_by("-happened_on")
    )


def interaction_list(*, queryset: QuerySet | None = None) -> QuerySet:
    queryset = Interaction.objects.all() if queryset is None else queryset
    return queryset.select_related("owner").prefetch_related("organisations", "people")


def open_follow_ups(*, owner) -> QuerySet:
    """The follow-ups ``owner`` still has to do, the most urgent first."""
    return (
        interaction_list()
        .filter(owner=owner, follow_up_on__isnull=False, follow_up_done_on__isnull=True)
        .order_by("follow_up_on", "pk")
    )


def dormant_relations(*, owner, months: int, today: datetime.date | None = None) -> QuerySet:
    """Organisations ``owner`` is relationship owner of without a contact moment in the last
    ``months`` months (or ever), the longest silent first."""
    since = (today or timezone.localdate()) - relativedelta(months=months)
    return (
        Organisation.objects.filter(relationship_owner=owner)
        .annotate(last_contact=Max("interactions__happened_on"))
        .filter(Q(last_contact__lt=since) | Q(last_contact__isnull=True))
        .order_by(F("last_contact").asc(nulls_first=True), "name", "pk")
    )


def organisation_timeline(
    organisation: Organisation, *, user, projects=None, limit: int = 60
) -> list[dict]:
    """Everything that happened with an organisation, newest first: contact moments,
    activities it organised or its people took part in, and its projects starting and ending.
    Only what ``user`` may see; at most ``limit`` entries of each kind are read, with only the
    columns shown (the page of a large partner stays fast). ``projects``: the organisation's
    projects when the caller already has them."""
    from django.db.models import Prefetch
    from django.urls import reverse

    from kennisstad.accounts import access
    from kennisstad.agenda.selectors import activities_with_organisation
    from kennisstad.projects.selectors import projects_of_organisation

    entries = []
    interactions = access.visible_interactions(
        user,
        interactions_with(organisation)
        .only("pk", "happened_on", "kind", "subject", "owner")
        .prefetch_related(
            Prefetch("people", Person.objects.only("pk", "first_name", "last_name", "erased_at"))
        ),
    )[:limit]
    for interaction in interactions:
        entries.append(
            {
                "date": interaction.happened_on,
                "kind": "interaction",
                "label": interaction.get_kind_display(),
                "title": interaction.subject,
                "url": reverse("relations:interaction-detail", args=[interaction.pk]),
                "detail": ", ".join(str(person) for person in interaction.people.all()),
                "owner": interaction.owner,
            }
        )
    activities = (
        activities_with_organisation(organisation, user=user)
        .select_related(None)
        .prefetch_related(None)
        .only("pk", "title_nl", "title_en", "kind", "status", "starts_at")
    )
    for activity in activities[:limit]:
        entries.append(
            {
                "date": timezone.localtime(activity.starts_at).date(),
                "kind": "activity",
                "label": activity.get_kind_display(),
                "title": activity.title,
                "url": reverse("agenda:activity-detail", args=[activity.pk]),
                "detail": activity.get_status_display() if activity.status == "cancelled" else "",
            }
        )
    today = timezone.localdate()
    if projects is None:
        projects = projects_of_organisation(organisation, user=user).order_by("-start_date")[:limit]
    for project in projects:
        url = reverse("projects:project-detail", args=[project.pk])
        if project.start_date:
            entries.append(
                {
                    "date": project.start_date,
                    "kind": "project",
                    "label": _("Project starts"),
                    "title": project.title,
                    "url": url,
                }
            )
        if project.end_date and project.end_date <= today:
            entries.append(
                {
                    "date": project.end_date,
                    "kind": "project",
                    "label": _("Project ends"),
                    "title": project.title,
                    "url": url,
                }
            )
    entries.sort(key=lambda entry: (entry["date"], entry["kind"]), reverse=True)
    return entries[:limit]
