"""Reads of checklists: the tasks of a record, of a person, the overdue and the due-soon ones.

Due dates are stored (``Task.due_on``) so the dashboard, the digest and the reminders select
them in SQL; ``services.follow_event`` keeps the ones that follow the event in step when the
event moves (a ``post_save`` of the activity, plus the nightly run as a safety net for writes
that send no signal). "Today" is the site's day (Europe/Amsterdam)."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from kennisstad.accounts import access
from kennisstad.accounts.models import Role, User
from kennisstad.agenda.models import Activity, ActivityStatus

from .models import Checklist, ChecklistTemplate, Task


def may_see_checklists(user: Any) -> bool:
    """The municipality's side: the team works with checklists, readers read them."""
    return access.is_team_or_reader(user)


def may_change_checklists(user: Any) -> bool:
    return access.is_team(user)


TEAM_ROLES = (Role.ADMINISTRATOR, Role.TEAM_MEMBER)


def team_users() -> QuerySet[User]:
    """Who may own a task: active team members (a partner must never be mailed a reminder
    that names an internal visit)."""
    return User.objects.filter(is_active=True, role__in=TEAM_ROLES).order_by(
        "first_name", "last_name"
    )


def is_team_user(user_id: int | None) -> bool:
    return user_id is not None and team_users().filter(pk=user_id).exists()


def event_day(activity: Activity) -> datetime.date:
    """The day due dates count from: the event's first day in its own time zone."""
    return activity.first_day


def due_on(activity: Activity, offset_days: int) -> datetime.date:
    return event_day(activity) + datetime.timedelta(days=offset_days)


def template_list(*, active_only: bool = False) -> QuerySet[ChecklistTemplate]:
    templates = ChecklistTemplate.objects.annotate(item_count=Count("items"))
    return templates.filter(is_active=True) if active_only else templates


def task_queryset() -> QuerySet[Task]:
    return Task.objects.select_related(
        "owner",
        "done_by",
        "checklist__activity",
        "checklist__delegation__activity",
    )


def _open(tasks: QuerySet[Task]) -> QuerySet[Task]:
    """Not done, and not for a cancelled event: nobody prepares what will not happen."""
    cancelled = Q(checklist__activity__status=ActivityStatus.CANCELLED) | Q(
        checklist__delegation__activity__status=ActivityStatus.CANCELLED
    )
    return tasks.filter(done_at__isnull=True).exclude(cancelled)


def checklists_of(*, activity: Activity | None = None, delegation: Any = None) -> list[Checklist]:
    """The preparation of one visit or activity with its tasks, in the order applied: a
    delegation's page also shows what was applied to its visit, and the other way round."""
    if activity is not None:
        condition = Q(activity=activity) | Q(delegation__activity=activity)
    else:
        condition = Q(delegation=delegation) | Q(activity_id=delegation.activity_id)
    checklists = Checklist.objects.filter(condition).select_related("template")
    return list(checklists.prefetch_related("tasks__owner", "tasks__done_by"))


def tasks_of(user: Any, *, include_done: bool = False) -> QuerySet[Task]:
    tasks = task_queryset().filter(owner=user)
    return tasks if include_done else _open(tasks)


def overdue_tasks(user: Any, *, today: datetime.date | None = None) -> QuerySet[Task]:
    """Open tasks of ``user`` whose due date has passed."""
    today = today or timezone.localdate()
    return tasks_of(user).filter(due_on__lt=today).order_by("due_on", "id")


def due_soon_tasks(
    user: Any, *, today: datetime.date | None = None, days: int = 7
) -> QuerySet[Task]:
    """Open tasks of ``user`` due from today up to ``days`` days ahead ("this week")."""
    today = today or timezone.localdate()
    until = today + datetime.timedelta(days=days)
    return tasks_of(user).filter(due_on__gte=today, due_on__lte=until).order_by("due_on", "id")


def tasks_to_remind(*, today: datetime.date, days: int) -> QuerySet[Task]:
    """Open tasks due within ``days`` days (or already overdue) that were never reminded,
    of owners who can be mailed and are (still) in the team."""
    until = today + datetime.timedelta(days=days)
    return (
        _open(task_queryset())
        .filter(reminded_at__isnull=True, due_on__lte=until)
        .filter(owner__is_active=True, owner__role__in=TEAM_ROLES)
        .exclude(owner__email="")
        .order_by("owner_id", "due_on", "id")
    )


def tasks_following(activity: Activity) -> QuerySet[Task]:
    """Tasks whose due date follows ``activity`` (on it, or on its delegation)."""
    on_record = Q(checklist__activity=activity) | Q(checklist__delegation__activity=activity)
    return Task.objects.filter(on_record, offset_days__isnull=False)


def record_url(checklist: Checklist) -> str:
    from django.urls import reverse

    if checklist.activity_id:
        return reverse("agenda:activity-detail", args=[checklist.activity_id])
    return reverse("delegations:delegation-detail", args=[checklist.delegation_id])
