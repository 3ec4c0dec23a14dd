"""Give every existing project a status history, so the indicators (which now count a project
only in the years its history says it ran) keep counting the projects that really ran.

Assumption, as plausible as the registry allows: the audit trail (``HistoricalProject``) says
which statuses a project had and when each was recorded; each is dated the way
``projects.status_history.dated_changes`` dates a change today: set running on or after its start
date (the first time) -> it began on its start date; closed (completed, cancelled) on or after its
end date -> it ended on its end date; else the day it was recorded; a project recorded as
completed without ever being running ran from its start date. A change dated back overrides,
for the time it covers, what was recorded before it (see ``projects.status_history``). "By" is
the user the audit trail names. A project without an audit trail (inserted outside the
services) gets its current status, dated the same way with today as the day it was recorded. Planned projects and ideas so get no running period,
and a project cancelled without having run never counts. Projects that already have a history
are left alone, so running this again changes nothing.
"""

from itertools import groupby
from operator import itemgetter

from django.db import migrations
from django.utils import timezone

ACTIVE, COMPLETED, CANCELLED = "active", "completed", "cancelled"


def dated_changes(*, status, start_date, end_date, recorded_on, ran_from, last_started):
    """A frozen copy of ``projects.status_history.dated_changes`` (2026-12)."""
    rows = []
    if status == COMPLETED and ran_from is None:
        ran_from = last_started = _started_on(start_date, recorded_on)
        rows.append((ACTIVE, ran_from))
    if status == ACTIVE:
        changed_on = recorded_on if ran_from is not None else _started_on(start_date, recorded_on)
    elif status in (COMPLETED, CANCELLED) and end_date is not None and end_date <= recorded_on:
        changed_on = _not_before(end_date, last_started)
    else:
        changed_on = recorded_on
    rows.append((status, changed_on))
    return rows


def _started_on(start_date, recorded_on):
    return start_date if start_date is not None and start_date <= recorded_on else recorded_on


def _not_before(day, floor):
    return day if floor is None or day >= floor else floor


def _history_of(versions, *, today):
    """``(status, changed_on, user id)`` rows from one project's audit-trail versions."""
    rows, previous, ran_from, last_started = [], None, None, None
    for status, start_date, end_date, recorded_at, user_id in versions:
        if status == previous:
            continue
        previous = status
        recorded_on = timezone.localtime(recorded_at).date() if recorded_at else today
        for new_status, day in dated_changes(
            status=status,
            start_date=start_date,
            end_date=end_date,
            recorded_on=recorded_on,
            ran_from=ran_from,
            last_started=last_started,
        ):
            rows.append((new_status, day, user_id))
            if new_status in (ACTIVE, COMPLETED) and ran_from is None:
                ran_from = day
            if new_status == ACTIVE:
                last_started = day
    return rows


def back_fill(apps, schema_editor):
    Project = apps.get_model("projects", "Project")
    HistoricalProject = apps.get_model("projects", "HistoricalProject")
    Change = apps.get_model("projects", "ProjectStatusChange")
    today = timezone.localdate()
    done = set(Change.objects.values_list("project_id", flat=True).distinct())
    existing = set(Project.objects.values_list("pk", flat=True))
    batch = []
    versions = (
        HistoricalProject.objects.exclude(history_type="-")
        .order_by("id", "history_date", "history_id")
        .values_list("id", "status", "start_date", "end_date", "history_date", "history_user_id")
    )
    for project_id, rows in groupby(versions.iterator(chunk_size=2000), key=itemgetter(0)):
        if project_id not in existing or project_id in done:
            continue
        done.add(project_id)
        history = _history_of((row[1:] for row in rows), today=today)
        batch += [
            Change(project_id=project_id, status=status, changed_on=day, changed_by_id=user_id)
            for status, day, user_id in history
        ]
    projects = Project.objects.values_list("pk", "status", "start_date", "end_date")
    for project_id, status, start_date, end_date in projects.iterator(chunk_size=2000):
        if project_id in done:
            continue  # a set, not "exclude(pk__in=...)": SQLite limits query parameters
        history = _history_of([(status, start_date, end_date, None, None)], today=today)
        batch += [
            Change(project_id=project_id, status=status, changed_on=day)
            for status, day, _ in history
        ]
    Change.objects.bulk_create(batch, batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [("projects", "0003_project_status_change")]

    operations = [migrations.RunPython(back_fill, migrations.RunPython.noop)]

