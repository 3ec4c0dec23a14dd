"""An application's stages, dated: which changes are allowed, and in which years it was in a
stage.

Each change is dated by the day it took effect (the editor gives it; today by default), never
before the change before it and never after today, so the history reads in order. An
application is in a stage from the day it reached it up to and including the day it left it
(it was submitted on the day it was granted), or, in its current stage, up to today.

An application counts for a year in a stage when it was in that stage **at some moment of the
year** (up to today): a project running from 2017 to 2020 counts as running in each of those
years; one submitted in March and granted in May counts as submitted in that year, and as
granted. Nothing counts in a year that has not begun.
"""

import datetime
from collections.abc import Iterable

from django.utils.translation import gettext as _

from .models import Stage

# The stages a new application may start in, and where each stage may go next. An
# application runs only once granted, and is granted or rejected only once submitted.
FIRST_STAGES = (Stage.IDEA, Stage.IN_PREPARATION, Stage.SUBMITTED)
NEXT_STAGES: dict[str, tuple[str, ...]] = {
    Stage.IDEA: (Stage.IN_PREPARATION, Stage.SUBMITTED, Stage.CLOSED),
    Stage.IN_PREPARATION: (Stage.IDEA, Stage.SUBMITTED, Stage.CLOSED),
    Stage.SUBMITTED: (Stage.GRANTED, Stage.REJECTED, Stage.IN_PREPARATION),
    Stage.GRANTED: (Stage.RUNNING, Stage.CLOSED),
    Stage.REJECTED: (Stage.IN_PREPARATION, Stage.CLOSED),
    Stage.RUNNING: (Stage.CLOSED,),
    Stage.CLOSED: (),
}
# What the pipeline and "in development or applied for" mean.
IN_DEVELOPMENT = (Stage.IDEA, Stage.IN_PREPARATION, Stage.SUBMITTED)

Period = tuple[str, datetime.date, datetime.date]


def transition_error(previous: str | None, stage: str) -> str | None:
    """Why ``previous`` -> ``stage`` is not allowed (None: it is)."""
    label = Stage(stage).label
    if previous is None:
        if stage in FIRST_STAGES:
            return None
        return _(
            "A new application starts as an idea, in preparation or submitted, not %(stage)s; "
            "record the later stages as they happen."
        ) % {"stage": label}
    if stage in NEXT_STAGES[previous]:
        return None
    if stage == Stage.RUNNING:
        return _("An application can be running only after it was granted (now: %(now)s).") % {
            "now": Stage(previous).label
        }
    if stage in (Stage.GRANTED, Stage.REJECTED):
        return _(
            "An application can be granted or rejected only after it was submitted (now: %(now)s)."
        ) % {"now": Stage(previous).label}
    return _("From %(now)s an application cannot go to %(stage)s.") % {
        "now": Stage(previous).label,
        "stage": label,
    }


def date_error(
    day: datetime.date, *, last: datetime.date | None, today: datetime.date
) -> str | None:
    """Why a stage change cannot take effect on ``day`` (None: it can)."""
    if day > today:
        return _("A stage change cannot take effect in the future.")
    if last is not None and day < last:
        return _("A stage change cannot take effect before the previous one (%(day)s).") % {
            "day": last.isoformat()
        }
    return None


def stage_periods(
    changes: Iterable[tuple[str, datetime.date]], *, today: datetime.date
) -> list[Period]:
    """From one application's changes ``(stage, took effect on)`` in order: each stage with
    its first and last day, up to ``today``."""
    periods: list[Period] = []
    current: tuple[str, datetime.date] | None = None
    for stage, day in changes:
        if day > today:
            break
        if current is not None:
            periods.append((current[0], current[1], day))
        current = (stage, day)
    if current is not None:
        periods.append((current[0], current[1], today))
    return periods


def years_in_stages(
    changes: Iterable[tuple[str, datetime.date]],
    *,
    stages: Iterable[str],
    years: Iterable[int],
    today: datetime.date,
) -> list[int]:
    """The years among ``years`` in which the application was in one of ``stages`` at some
    moment (up to today)."""
    wanted = set(stages)
    counted: set[int] = set()
    for stage, first, last in stage_periods(changes, today=today):
        if stage in wanted:
            counted.update(range(first.year, last.year + 1))
    return [year for year in years if year in counted]
