"""Reads for the P&C calendar's pages, its API and the dashboard: each deadline with its days
left and what it still waits for (``indicators.missing`` decides what is missing)."""

import datetime
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from kennisstad.indicators.missing import MissingValues, OwnerMissing, by_owner
from kennisstad.indicators.missing import missing_for_deadlines as _missing
from kennisstad.policy import selectors as policy_selectors
from kennisstad.policy.models import Deadline

# The dashboard shows the deadlines due in the coming weeks and those just passed.
DASHBOARD_AHEAD_DAYS = 60
DASHBOARD_PASSED_DAYS = 30


@dataclass
class DeadlineRow:
    deadline: Deadline
    days_left: int
    missing: list[MissingValues]

    @property
    def figure_count(self) -> int:
        return sum(len(row.figures) for row in self.missing)

    @cached_property
    def owners(self) -> list[OwnerMissing]:
        return by_owner(self.missing)

    @property
    def passed(self) -> bool:
        return self.days_left < 0

    @property
    def days_passed(self) -> int:
        return -self.days_left


def deadline_rows(deadlines: Any, *, today: datetime.date) -> list[DeadlineRow]:
    """Each deadline with its days left and missing values, in one pass for all of them."""
    deadlines = list(deadlines)
    missing = _missing(deadlines)
    return [
        DeadlineRow(deadline, (deadline.due_on - today).days, missing[deadline.pk])
        for deadline in deadlines
    ]


def missing_count(deadline: Deadline) -> int:
    """How many figures the deadline still waits for."""
    return deadline_rows([deadline], today=deadline.due_on)[0].figure_count


def dashboard_rows(*, today: datetime.date) -> list[DeadlineRow]:
    """The deadlines due soon or just passed that still wait for figures."""
    due = policy_selectors.deadlines_due_between(
        today - datetime.timedelta(DASHBOARD_PASSED_DAYS),
        today + datetime.timedelta(DASHBOARD_AHEAD_DAYS),
    )
    return [row for row in deadline_rows(due, today=today) if row.missing]
