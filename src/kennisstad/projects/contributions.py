"""What ``projects`` adds to the pages of the apps below it: an organisation's projects and
their start and end on its timeline. Registered in ``ProjectsConfig.ready``."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kennisstad.core.contributions import PageSection
from kennisstad.relations.timeline import (
    ORGANISATION_SECTIONS,
    TIMELINE_LIMIT,
    TIMELINE_SOURCES,
    TimelineEntry,
)

from .selectors import projects_of_organisation

PROJECTS_SHOWN = 50
# Where ``_projects`` keeps what it read on the organisation object.
PROJECTS_READ = "_projects_read_for_page"


def _projects(organisation: Any, *, user: Any, limit: int) -> list[Any]:
    """The organisation's newest projects, read once per page: the projects section and the
    timeline share the read (kept on the organisation object, which lives for one request)."""
    read = organisation.__dict__.setdefault(PROJECTS_READ, {})
    key = getattr(user, "pk", None)
    projects, count = read.get(key, ([], 0))
    if limit > count:
        count = max(limit, PROJECTS_SHOWN, TIMELINE_LIMIT)
        projects = list(
            projects_of_organisation(organisation, user=user)
            .select_related(None)
            .prefetch_related(None)
            .only("pk", "title_nl", "title_en", "status", "start_date", "end_date")
            .order_by("-start_date", "pk")[:count]
        )
        read[key] = (projects, count)
    return projects[:limit]


def organisation_projects(organisation: Any, *, user: Any) -> PageSection:
    projects = _projects(organisation, user=user, limit=PROJECTS_SHOWN)
    return PageSection("projects/_organisation_projects.html", {"projects": projects}, order=20)


def project_milestones(organisation: Any, *, user: Any, limit: int) -> list[TimelineEntry]:
    """A project's start, and its end once reached."""
    today = timezone.localdate()
    entries = []
    for project in _projects(organisation, user=user, limit=limit):
        url = reverse("projects:project-detail", args=[project.pk])
        if project.start_date:
            entries.append(
                TimelineEntry(
                    project.start_date, "project", _("Project starts"), project.title, url
                )
            )
        if project.end_date and project.end_date <= today:
            entries.append(
                TimelineEntry(project.end_date, "project", _("Project ends"), project.title, url)
            )
    return entries


def register() -> None:
    ORGANISATION_SECTIONS.register(organisation_projects)
    TIMELINE_SOURCES.register(project_milestones)
