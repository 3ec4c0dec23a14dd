"""What ``finances`` adds to the pages of the apps below it: the grants an organisation applied
for on its page, the grants that fund a project and (for the team) its allocations per year
and policy field on the project's page, and a button there to record a new grant.
Registered in ``FinancesConfig.ready``; ``relations`` and ``projects`` never import
``finances``."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext

from kennisstad.accounts import access
from kennisstad.core.contributions import PageAction, PageSection, page_actions
from kennisstad.projects.pages import PROJECT_SECTIONS
from kennisstad.relations.timeline import ORGANISATION_SECTIONS

from .grant_selectors import grants_of_organisation, grants_of_project, may_see_grants

GRANTS_SHOWN = 20


def _section(grants, *, heading: str, user: Any) -> PageSection | None:
    if not may_see_grants(user):
        return None
    shown = list(grants.order_by("-period_start", "pk")[:GRANTS_SHOWN])
    if not shown:
        return None
    return PageSection(
        "finances/grant_section.html", {"grants": shown, "heading": heading}, order=60
    )


def organisation_grants(organisation: Any, *, user: Any) -> PageSection | None:
    grants = grants_of_organisation(organisation, user=user)
    return _section(grants, heading=gettext("Grants"), user=user)


def project_grants(project: Any, *, user: Any) -> PageSection | None:
    grants = grants_of_project(project, user=user)
    return _section(grants, heading=gettext("Grants funding this project"), user=user)


def add_grant_button(user: Any, project: Any = None) -> PageAction | None:
    """On a project's page, for the team: record a grant that funds the project."""
    if project is None or not access.can_create(user, "finances.grant"):
        return None
    url = f"{reverse('finances:grant-create')}?project={project.pk}"
    return PageAction(gettext("Add grant"), url, order=120)


def project_allocations(project: Any, *, user: Any) -> PageSection | None:
    """The project's money per year and policy field: the team's business only."""
    if not access.is_team(user):
        return None
    allocations = list(
        project.allocations.select_related("policy_area", "taakveld").order_by("year", "pk")
    )
    return PageSection(
        "finances/overview_project_allocations.html",
        {"allocations": allocations, "project": project},
        order=61,
    )


def register() -> None:
    ORGANISATION_SECTIONS.register(organisation_grants)
    PROJECT_SECTIONS.register(project_grants)
    PROJECT_SECTIONS.register(project_allocations)
    page_actions("projects:project-detail").register(add_grant_button)
