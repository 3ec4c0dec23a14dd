"""Writes on checklists: templates with their items, applying a template to a delegation or an
activity, and the tasks' life (edit, reassign, done, reopen). Only the team writes; every write
leaves an audit-trail row with its author."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kennisstad.agenda.models import Activity
from kennisstad.core.actors import actor_of
from kennisstad.core.concurrency import StaleVersionError, save_versioned
from kennisstad.core.services import save_record
from kennisstad.core.typing import UserLike
from kennisstad.delegations.models import Delegation

from . import selectors
from .models import Checklist, ChecklistTemplate, Task, TemplateItem

# The audit trail's actor when a task's due date moved with its event (no user moved it).
EVENT_MOVED = "checklist-event-moved"

ITEM_FIELDS = ("title_nl", "title_en", "description", "offset_days", "default_owner", "order")


def _require_team(user: UserLike) -> None:
    """A signed-in user outside the team may not write; ``None`` is the system (demo, tasks)."""
    if user is not None and user.is_authenticated and not selectors.may_change_checklists(user):
        raise PermissionDenied(_("Only the team works with checklists."))


def _save(instance: Any, user: UserLike) -> None:
    instance._history_user = actor_of(user)
    instance.save()


@transaction.atomic
def save_template(
    *,
    template: ChecklistTemplate,
    user: UserLike,
    expected_version: int | None = None,
    items: Iterable[Mapping[str, Any]] | None = None,
) -> ChecklistTemplate:
    """Save a template; ``items`` (rows with an optional ``id``) replaces its task list."""
    _require_team(user)
    save_record(instance=template, user=user, expected_version=expected_version)
    if items is not None:
        _replace_items(template, list(items), user)
    return template


def _replace_items(
    template: ChecklistTemplate, rows: list[Mapping[str, Any]], user: UserLike
) -> None:
    stored = {item.pk: item for item in template.items.all()}
    problems: list[str] = []
    keep: list[TemplateItem] = []
    for number, row in enumerate(rows, start=1):
        values = dict(row)
        key = values.pop("id", None)
        key = getattr(key, "pk", key)
        if key is not None and key not in stored:
            problems.append(_("Row %(row)s: no such task in this template.") % {"row": number})
            continue
        item = stored.pop(key) if key is not None else TemplateItem(template=template)
        for field in ITEM_FIELDS:
            if field in values:
                setattr(item, field, values[field])
        if item.default_owner_id is not None and not selectors.is_team_user(item.default_owner_id):
            problems.append(
                _("Row %(row)s: the default owner must be a team member.") % {"row": number}
            )
            continue
        try:
            item.full_clean(exclude=["template"])
        except ValidationError as exc:
            problems.extend(
                _("Row %(row)s: %(problem)s") % {"row": number, "problem": message}
                for message in exc.messages
            )
            continue
        keep.append(item)
    if problems:
        raise ValidationError({"items": problems})
    for item in stored.values():
        item._history_user = actor_of(user)  # type: ignore[attr-defined]
        item.delete()
    for item in keep:
        _save(item, user)


def _default_owner(item: TemplateItem, record: Activity | Delegation, user: UserLike) -> Any:
    """The item's default owner, else who applies the template, else the record's host."""
    team = selectors.team_users()
    if item.default_owner_id and team.filter(pk=item.default_owner_id).exists():
        return item.default_owner
    if user is not None and user.is_authenticated:
        return user
    if isinstance(record, Delegation):
        return record.host_users.filter(pk__in=team.values("pk")).order_by("pk").first()
    return record.team_participants.filter(pk__in=team.values("pk")).order_by("pk").first()


@transaction.atomic
def apply_template(
    *,
    template: ChecklistTemplate,
    user: UserLike,
    activity: Activity | None = None,
    delegation: Delegation | None = None,
) -> Checklist:
    """Copy ``template``'s items as tasks onto exactly one of ``activity`` or ``delegation``,
    each due ``offset_days`` from the event's first day."""
    _require_team(user)
    if (activity is None) == (delegation is None):
        raise ValidationError(_("Apply a checklist to one activity or one delegation."))
    if not template.is_active:
        raise ValidationError({"template": _("This template is no longer in use.")})
    checklist = Checklist(
        template=template,
        name_nl=template.name_nl,
        name_en=template.name_en,
        activity=activity,
        delegation=delegation,
        created_by=actor_of(user),
    )
    _save(checklist, user)
    record: Activity | Delegation = activity if activity is not None else delegation  # type: ignore[assignment]
    event = checklist.event
    for item in template.items.select_related("default_owner"):
        task = Task(
            checklist=checklist,
            title_nl=item.title_nl,
            title_en=item.title_en,
            description=item.description,
            owner=_default_owner(item, record, user),
            offset_days=item.offset_days,
            due_on=selectors.due_on(event, item.offset_days),
            order=item.order,
        )
        _save(task, user)
    return checklist


@transaction.atomic
def save_task(
    *,
    task: Task,
    user: UserLike,
    due_on: datetime.date | None = None,
    expected_version: int | None = None,
) -> Task:
    """Add or edit a task (an edit names the version it started from). A due date given that
    differs from the computed one is set by hand: from then on it stays when the event moves."""
    _require_team(user)
    if due_on is not None:
        offset = task.offset_days
        if offset is None or due_on != selectors.due_on(task.checklist.event, offset):
            task.offset_days = None
            task.due_on = due_on
    stored = Task.objects.filter(pk=task.pk).values("owner_id", "due_on").first()
    owner_changed = stored is None or stored["owner_id"] != task.owner_id
    if owner_changed and task.owner_id is not None and not selectors.is_team_user(task.owner_id):
        raise ValidationError({"owner": _("The owner of a task must be a team member.")})
    if stored is None or stored != {"owner_id": task.owner_id, "due_on": task.due_on}:
        task.reminded_at = None  # a new date or a new owner deserves its own reminder
    task.full_clean()
    save_versioned(task, expected_version=expected_version, user=user)
    return task


@transaction.atomic
def mark_done(*, task: Task, user: UserLike) -> Task:
    _require_team(user)
    if task.done_at is None:
        task.done_at = timezone.now()
        task.done_by = actor_of(user)
        save_versioned(task, expected_version=task.version, user=user)
    return task


@transaction.atomic
def reopen(*, task: Task, user: UserLike) -> Task:
    _require_team(user)
    if task.done_at is not None:
        task.done_at = None
        task.done_by = None
        task.reminded_at = None  # open again: remind again before it is due
        save_versioned(task, expected_version=task.version, user=user)
    return task


@transaction.atomic
def delete_checklist(*, checklist: Checklist, user: UserLike) -> None:
    _require_team(user)
    checklist._history_user = actor_of(user)  # type: ignore[attr-defined]
    checklist.delete()


def follow_event(activity: Activity) -> int:
    """Move the due dates that follow ``activity`` to its current first day; returns how
    many changed. Each changed task gets a new version (an editor who read the old date is
    told) and an audit-trail row (the system moved it)."""
    changed = 0
    for task in selectors.tasks_following(activity):
        wanted = selectors.due_on(activity, task.offset_days or 0)
        if task.due_on != wanted:
            task.due_on = wanted
            task.reminded_at = None  # the new date gets its own reminder
            task._change_reason = f"{EVENT_MOVED}: {activity}"
            try:
                with transaction.atomic():
                    save_versioned(task, expected_version=task.version, user=None)
            except StaleVersionError:
                continue  # saved by someone this very moment: the nightly run catches up
            changed += 1
    return changed


def follow_all_events() -> int:
    """The nightly safety net: bring every following task in step with its event (writes
    that sent no save signal, such as bulk imports)."""
    activity_ids = set(
        Task.objects.filter(offset_days__isnull=False, done_at__isnull=True)
        .values_list("checklist__activity_id", "checklist__delegation__activity_id")
        .distinct()
    )
    ids = {pk for pair in activity_ids for pk in pair if pk is not None}
    return sum(follow_event(activity) for activity in Activity.objects.filter(pk__in=ids))
