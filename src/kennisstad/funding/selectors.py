"""Reads of funding applications: who sees them, the lists and the pipeline, the overdue
reporting obligations, and what the indicators count (``countable_applications``,
``counted_per_year``).

Visibility: applications are the municipality's internal work (budgets, co-financing, calls
not yet won), like a project's budget: the team and readers see them all; partner editors and
anonymous visitors see none, also when their organisation is a partner.
"""

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import QuerySet
from django.utils import timezone

from kennisstad.accounts import access
from kennisstad.core.typing import UserLike

from .models import Application, ApplicationStageChange, ReportingObligation, Stage
from .stage_history import years_in_stages

ZERO = Decimal("0")


def may_see_applications(user: UserLike) -> bool:
    return access.is_team_or_reader(user)


def visible_applications(user: UserLike, queryset: QuerySet[Application]) -> QuerySet[Application]:
    return queryset if may_see_applications(user) else queryset.none()


def application_list() -> QuerySet[Application]:
    return Application.objects.select_related("project", "owner")


def stage_history(application: Application) -> QuerySet[ApplicationStageChange]:
    return application.stage_changes.select_related("changed_by").order_by("changed_on", "id")


def in_stage_in_year(
    queryset: QuerySet[Application], *, year: int, stages: Iterable[str] | None = None
) -> QuerySet[Application]:
    """The applications that were in one of ``stages`` (any stage: None) at some moment of
    ``year``, by their stage history: the list's year filter, the indicators' definition."""
    wanted = tuple(stages) if stages else tuple(Stage.values)
    ids = counted_per_year(queryset, stages=wanted, years=[year])[year]
    return queryset.filter(pk__in=ids)


@dataclass
class PipelineColumn:
    stage: Stage
    applications: list[Application] = field(default_factory=list)
    contribution: Decimal = ZERO

    @property
    def count(self) -> int:
        return len(self.applications)


def pipeline(queryset: QuerySet[Application]) -> list[PipelineColumn]:
    """One column per stage, in the order of the stages, with the applications now in it and
    the sum of their funder contributions."""
    columns = {stage: PipelineColumn(Stage(stage)) for stage in Stage.values}
    for application in queryset.order_by("call_deadline", "title_nl"):
        column = columns[application.stage]
        column.applications.append(application)
        column.contribution += application.funder_contribution or ZERO
    return list(columns.values())


def overdue_obligations(*, today: datetime.date | None = None) -> QuerySet[ReportingObligation]:
    """Reports and audits past their due date and not done, the oldest first."""
    today = today or timezone.localdate()
    return (
        ReportingObligation.objects.filter(done_on__isnull=True, due_on__lt=today)
        .select_related("application")
        .order_by("due_on", "id")
    )


# --- what the indicators count ------------------------------------------------------------


def countable_applications(*, programmes: Iterable[str] = ()) -> QuerySet[Application]:
    """The applications an indicator may count, narrowed by programme (any of)."""
    queryset = Application.objects.all()
    programmes = tuple(programmes)
    if programmes:
        queryset = queryset.filter(programme__in=programmes)
    return queryset


def counted_per_year(
    queryset: QuerySet[Application],
    *,
    stages: Iterable[str],
    years: Iterable[int],
    today: datetime.date | None = None,
) -> dict[int, list[int]]:
    """Per year, the ids of the applications of ``queryset`` that were in one of ``stages`` at
    some moment of the year, by their stage history (up to today); one query."""
    years = sorted(set(years))
    today = today or timezone.localdate()
    buckets: dict[int, list[int]] = {year: [] for year in years}
    if not years:
        return buckets
    window_end = min(datetime.date(years[-1], 12, 31), today)
    rows = (
        ApplicationStageChange.objects.filter(
            application__in=queryset.values("pk"), changed_on__lte=window_end
        )
        .order_by("application_id", "changed_on", "id")
        .values_list("application_id", "stage", "changed_on")
    )
    histories: dict[int, list[tuple[str, datetime.date]]] = defaultdict(list)
    for pk, stage, day in rows:
        histories[pk].append((stage, day))
    wanted = tuple(stages)
    for pk, changes in histories.items():
        for year in years_in_stages(changes, stages=wanted, years=years, today=window_end):
            buckets[year].append(pk)
    for ids in buckets.values():
        ids.sort()
    return buckets
