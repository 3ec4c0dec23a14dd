"""When a project really ran: its status changes, dated, and the periods and years they give.

A status change is dated by when it took effect as far as the registry knows it: a project set
running for the first time on or after its start date began on its start date; a project closed
on or after its end date ended on its end date (but not before it last began running); otherwise
the change took effect on the day it was recorded. The data migration that back-fills the
history from the audit trail dates changes the same way (a frozen copy of ``dated_changes``
lives there, as migrations must not import app code).

A change dated back says what the status was from that day on, and overrides what was recorded
before it for that time: a project entered as planned today and then completed with last year's
dates ran last year. So the status on a day is the one of the most recently recorded change
dated on or before it (``run_periods``). The project ran while that status is running, up to
and including the day it changed (it ran on the day it was completed), or, while it is still
running, up to today; a completion with no running before it (not written by Kennisstad) counts
as one day. Nothing counts after today: a planned project, or one cancelled before it started,
never counts, and an open-ended project does not count in a year that has not begun.
"""

import datetime
from collections.abc import Iterable

from .models import ProjectStatus

RUNNING = ProjectStatus.ACTIVE
# Statuses that say the project ran: running now, or done (a completed project ran).
HAS_RUN = (ProjectStatus.ACTIVE, ProjectStatus.COMPLETED)
STOPPED = (ProjectStatus.COMPLETED, ProjectStatus.CANCELLED)

Period = tuple[datetime.date, datetime.date]


def dated_changes(
    *,
    status: str,
    start_date: datetime.date | None,
    end_date: datetime.date | None,
    recorded_on: datetime.date,
    ran_from: datetime.date | None,
    last_started: datetime.date | None,
) -> list[tuple[str, datetime.date]]:
    """The ``(status, took effect on)`` rows to record when a project gets ``status`` on
    ``recorded_on``; ``ran_from`` is the first day its history says it ran (None: it never
    ran), ``last_started`` the day it was last set running.

    A project completed without having been recorded as running ran all the same: it gets a
    running row at its start date first, so "started in" and "active in" can count it.
    """
    rows: list[tuple[str, datetime.date]] = []
    if status == ProjectStatus.COMPLETED and ran_from is None:
        ran_from = last_started = _started_on(start_date, recorded_on)
        rows.append((RUNNING, ran_from))
    if status == RUNNING:
        changed_on = recorded_on if ran_from is not None else _started_on(start_date, recorded_on)
    elif status in STOPPED and end_date is not None and end_date <= recorded_on:
        changed_on = _not_before(end_date, last_started)  # a run does not end before it began
    else:
        changed_on = recorded_on
    rows.append((status, changed_on))
    return rows


def _started_on(start_date: datetime.date | None, recorded_on: datetime.date) -> datetime.date:
    return start_date if start_date is not None and start_date <= recorded_on else recorded_on


def _not_before(day: datetime.date, floor: datetime.date | None) -> datetime.date:
    return day if floor is None or day >= floor else floor


def run_periods(
    changes: Iterable[tuple[int, str, datetime.date]], *, today: datetime.date
) -> tuple[list[Period], list[datetime.date]]:
    """From one project's changes ``(id, status, took effect on)``, ordered by date and id: the
    periods it ran (first and last day, up to ``today``) and the days it was completed. A
    change recorded before another that is dated on or before it is overridden by it."""
    periods: list[Period] = []
    completed: list[datetime.date] = []
    began: datetime.date | None = None
    latest = 0  # the id of the change in force
    for pk, status, day in changes:
        if day > today:
            break
        if pk < latest:
            continue  # recorded earlier than the change in force: overridden
        latest = pk
        if status == RUNNING:
            began = day if began is None else began
            continue
        if status == ProjectStatus.COMPLETED:
            completed.append(day)
        if began is not None:
            periods.append((began, day))
            began = None
        elif status == ProjectStatus.COMPLETED:
            periods.append((day, day))
    if began is not None:
        periods.append((began, today))
    return periods, completed


def years_counted(
    changes: Iterable[tuple[int, str, datetime.date]],
    *,
    period: str,
    years: Iterable[int],
    today: datetime.date,
) -> list[int]:
    """The years among ``years`` in which the project counts: ``active`` (ran at some moment
    of the year), ``started`` (first began running in it) or ``ended`` (was completed in it)."""
    periods, completed = run_periods(changes, today=today)
    if not periods:
        return []
    if period == "started":
        wanted = {periods[0][0].year}
    elif period == "ended":
        wanted = {day.year for day in completed}
    else:
        wanted = {year for began, ended in periods for year in range(began.year, ended.year + 1)}
    return [year for year in years if year in wanted]
