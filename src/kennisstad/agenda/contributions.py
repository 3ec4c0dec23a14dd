"""What ``agenda`` adds to the pages of the apps below it: an organisation's activities on its
timeline, and a project's activities on its page. Registered in ``AgendaConfig.ready``."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from kennisstad.accounts import access
from kennisstad.core.contributions import PageAction, PageSection, page_actions
from kennisstad.core.history import register_system_actor
from kennisstad.projects.pages import PROJECT_SECTIONS
from kennisstad.relations.timeline import TIMELINE_SOURCES, TimelineEntry

from .ics_plan import SYNC_REASON_PREFIX
from .selectors import activities_of_project, activities_with_organisation


def organisation_activities(organisation: Any, *, user: Any, limit: int) -> list[TimelineEntry]:
    """Activities it organised or its people took part in; a cancellation says so."""
    activities = (
        activities_with_organisation(organisation, user=user)
        .select_related(None)
        .prefetch_related(None)
        .only("pk", "title_nl", "title_en", "kind", "status", "starts_at")
    )[:limit]
    return [
        TimelineEntry(
            date=timezone.localtime(activity.starts_at).date(),
            kind="activity",
            label=activity.get_kind_display(),
            title=activity.title,
            url=reverse("agenda:activity-detail", args=[activity.pk]),
            detail=activity.get_status_display() if activity.status == "cancelled" else "",
        )
        for activity in activities
    ]


def project_activities(project: Any, *, user: Any) -> PageSection:
    activities = activities_of_project(project, user=user)
    return PageSection("agenda/_project_activities.html", {"activities": activities})


def add_activity_button(user: Any, project: Any = None) -> PageAction | None:
    """On a project's page, for who may change it: plan an activity for the project."""
    if project is None or not access.can_change(user, project):
        return None
    url = f"{reverse('agenda:activity-create')}?project={project.pk}"
    return PageAction(gettext("Add activity"), url)


def register() -> None:
    page_actions("projects:project-detail").register(add_activity_button)
    # What a partner calendar's sync changed shows as made by that calendar, not by "system".
    register_system_actor(SYNC_REASON_PREFIX.removesuffix(": "), gettext_lazy("partner calendar"))
    TIMELINE_SOURCES.register(organisation_activities)
    PROJECT_SECTIONS.register(project_activities)
