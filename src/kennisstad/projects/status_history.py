"""When a project really ran: its status changes, dated, and the periods and years they give.

A status change is dated by when it took effect as far as the registry knows it: a project set
running on or after its start date began on its start date, a project closed on or after its end
date ended on its end date; otherwise the change took effect on the day it was recorded. A change
is never dated before the last one the history already holds, so the history reads in order.
The data migration that back-fills the history from the audit trail dates changes the same way
(a frozen copy of ``dated_changes`` lives there, as migrations must not import app code).

The history says a project ran from a change to running until the next change to any other
status (inclusive: it ran on the day it was completed), or, while it is still running, up to
today; a completion without a running row before it (not written by Kennisstad) counts as one
day. Nothing counts after today. The indicators count a project in a year only if one of these
periods falls in it: a planned project, or one cancelled before it started, never counts.
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
    last_on: datetime.date | None,
) -> list[tuple[str, datetime.date]]:
    """The ``(status, took effect on)`` rows to record when a project gets ``status`` on
    ``recorded_on``; ``ran_from`` is the first running date its history holds, ``last_on`` the
    date of its latest change (None for a new project).

    A project completed without having been recorded as running ran all the same: it gets a
    running row at its start date first, so "started in" and "active in" can count it.
    """
    rows: list[tuple[str, datetime.date]] = []
    floor = last_on
    if status == ProjectStatus.COMPLETED and ran_from is None:
        ran_from = _not_before(_started_on(start_date, recorded_on), floor)
        rows.append((RUNNING, ran_from))
        floor = ran_from
    if status == RUNNING:
        changed_on = recorded_on if ran_from is not None else _started_on(start_date, recorded_on)
    elif status in STOPPED and end_date is not None and end_date <= recorded_on:
        changed_on = end_date
    else:
        changed_on = recorded_on
    rows.append((status, _not_before(changed_on, floor)))
    return rows


def _started_on(start_date: datetime.date | None, recorded_on: datetime.date) -> datetime.date:
    return start_date if start_date is not None and start_date <= recorded_on else recorded_on


def _not_before(day: datetime.date, floor: datetime.date | None) -> datetime.date:
    return day if floor is None or day >= floor else floor


def run_periods(
    changes: Iterable[tuple[str, datetime.date]], *, today: datetime.date
) -> tuple[list[Period], list[datetime.date]]:
    """From one project's changes in order: the periods it ran (first and last day, clipped to
    ``today``) and the days it was completed."""
    periods: list[Period] = []
    completed: list[datetime.date] = []
    began: datetime.date | None = None
    for status, day in changes:
        if day > today:
            break
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
    changes: Iterable[tuple[str, datetime.date]],
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
