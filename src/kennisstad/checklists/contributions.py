"""What ``checklists`` adds to the pages below it: the preparation (its tasks, with a button to
tick each off) on the activity and the delegation page, a button there to apply a template, and
the recipient's overdue tasks in the weekly digest. Registered in ``ChecklistsConfig.ready``;
``agenda`` and ``delegations`` never import ``checklists``."""

from __future__ import annotations

import datetime
from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext

from kennisstad.agenda.digest import DIGEST_SECTIONS, DigestSection
from kennisstad.agenda.pages import ACTIVITY_SECTIONS
from kennisstad.core.contributions import PageAction, PageSection, page_actions
from kennisstad.delegations.pages import DELEGATION_SECTIONS

from . import selectors


def _section(checklists: list, *, user: Any, apply_url: str) -> PageSection | None:
    if not selectors.may_see_checklists(user):
        return None
    can_change = selectors.may_change_checklists(user)
    if not checklists and not can_change:
        return None
    context = {
        "checklists": checklists,
        "can_change": can_change,
        "apply_url": apply_url,
        "today": timezone.localdate(),
    }
    return PageSection("checklists/_record_section.html", context, order=50)


def activity_checklists(activity: Any, *, user: Any) -> PageSection | None:
    if not selectors.may_see_checklists(user):
        return None
    return _section(
        selectors.checklists_of(activity=activity),
        user=user,
        apply_url=reverse("checklists:apply-activity", args=[activity.pk]),
    )


def delegation_checklists(delegation: Any, *, user: Any) -> PageSection | None:
    if not selectors.may_see_checklists(user):
        return None
    return _section(
        selectors.checklists_of(delegation=delegation),
        user=user,
        apply_url=reverse("checklists:apply-delegation", args=[delegation.pk]),
    )


def apply_to_activity_button(user: Any, activity: Any = None) -> PageAction | None:
    if activity is None or not selectors.may_change_checklists(user):
        return None
    url = reverse("checklists:apply-activity", args=[activity.pk])
    return PageAction(gettext("Apply a checklist"), url, order=130)


def apply_to_delegation_button(user: Any, delegation: Any = None) -> PageAction | None:
    if delegation is None or not selectors.may_change_checklists(user):
        return None
    url = reverse("checklists:apply-delegation", args=[delegation.pk])
    return PageAction(gettext("Apply a checklist"), url, order=130)


def templates_button(user: Any, obj: Any = None) -> PageAction | None:
    """On the delegations list, for the municipality's side: the preparation templates."""
    if not selectors.may_see_checklists(user):
        return None
    return PageAction(gettext("Checklist templates"), reverse("checklists:template-list"))


def overdue_in_digest(user: Any, *, today: datetime.date, days: int) -> DigestSection | None:
    """The recipient's overdue preparation tasks, in the recipient's language."""
    if not selectors.may_change_checklists(user):
        return None
    tasks = list(selectors.overdue_tasks(user, today=today)[:50])
    lines = tuple(
        gettext("%(task)s — %(event)s (due %(date)s)")
        % {
            "task": task.title,
            "event": task.checklist.event.title,
            "date": date_format(task.due_on, "j F"),
        }
        for task in tasks
    )
    return DigestSection(gettext("Your overdue preparation tasks"), lines)


def register() -> None:
    ACTIVITY_SECTIONS.register(activity_checklists)
    DELEGATION_SECTIONS.register(delegation_checklists)
    page_actions("agenda:activity-detail").register(apply_to_activity_button)
    page_actions("delegations:delegation-detail").register(apply_to_delegation_button)
    page_actions("delegations:delegation-list").register(templates_button)
    DIGEST_SECTIONS.register(overdue_in_digest)
