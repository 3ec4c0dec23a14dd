"""Reads over the shared calendar, always filtered by what the reader may see."""

import datetime
import zoneinfo
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.db.models import Case, IntegerField, Model, Q, QuerySet, Value, When
from django.utils import timezone

from kennisstad.accounts import access
from kennisstad.core.queries import raw_rows
from kennisstad.core.typing import UserLike
from kennisstad.projects.models import Project
from kennisstad.relations.models import Organisation

from .models import Activity


def activity_list(
    *, user: UserLike, queryset: QuerySet[Activity] | None = None
) -> QuerySet[Activity]:
    queryset = Activity.objects.all() if queryset is None else queryset
    queryset = queryset.select_related("organiser_organisation", "project").prefetch_related(
        "themes"
    )
    return access.visible_activities(user, queryset)


def upcoming_activities(*, user: UserLike, days: int = 14) -> QuerySet[Activity]:
    now = timezone.now()
    return (
        activity_list(user=user)
        .filter(ends_at__gte=now, starts_at__lt=now + datetime.timedelta(days=days))
        .order_by("starts_at")
    )


def activities_with_organisation(
    organisation: Organisation, *, user: UserLike
) -> QuerySet[Activity]:
    """Activities an organisation organised or its people took part in (the latter only for
    those who may see participants), newest first."""
    from django.db.models import Q

    condition = Q(organiser_organisation=organisation)
    if access.can_see_participants(user):
        # Through the link table, not a join: each half then uses its own index.
        participations = Activity.people.through.objects.filter(
            person__organisations=organisation
        ).values("activity_id")
        condition |= Q(pk__in=participations)
    return activity_list(user=user).filter(condition).order_by("-starts_at", "-pk")


def countable_activities(
    *, kind: str = "", themes: tuple[str, ...] = (), countries: tuple[str, ...] = ()
) -> QuerySet[Activity]:
    """The activities an indicator may count: not cancelled, narrowed to a kind, theme slugs and
    country codes."""
    from .models import ActivityStatus

    queryset = Activity.objects.exclude(status=ActivityStatus.CANCELLED)
    if kind:
        queryset = queryset.filter(kind=kind)
    if themes:
        tagged = Activity.themes.through.objects.filter(theme__slug__in=themes)
        queryset = queryset.filter(pk__in=tagged.values("activity_id"))
    if countries:
        queryset = queryset.filter(country__in=countries)
    return queryset


def local_year_bounds(year: int) -> tuple[datetime.datetime, datetime.datetime]:
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    return datetime.datetime(year, 1, 1, tzinfo=zone), datetime.datetime(
        year + 1, 1, 1, tzinfo=zone
    )


def dated_in_year(year: int) -> Q:
    """Activities that start in ``year``, a local calendar year."""
    begin, end = local_year_bounds(year)
    return Q(starts_at__gte=begin, starts_at__lt=end)


def activity_years(queryset: QuerySet[Activity], years: list[int]) -> list[tuple[int, int]]:
    """``(id, year)`` of each activity of ``queryset`` dated in one of ``years``, ordered by id.
    The database sorts each activity into its year (a CASE over the same local boundaries as
    ``dated_in_year``), so no timestamps need converting in Python."""
    condition = Q()
    for year in years:
        condition |= dated_in_year(year)
    bucket = Case(
        *[
            When(starts_at__gte=begin, starts_at__lt=end, then=Value(year))
            for year in years
            for begin, end in [local_year_bounds(year)]
        ],
        default=Value(0),
        output_field=IntegerField(),
    )
    queryset = queryset.filter(condition).order_by("pk").annotate(bucket=bucket)
    return [(pk, year) for pk, year in raw_rows(queryset.values_list("pk", "bucket")) if year]


def activities_of_project(project: Project, *, user: UserLike) -> QuerySet[Activity]:
    return activity_list(user=user).filter(project=project).order_by("starts_at")


def conflicts_for(
    activity: Activity,
    *,
    team_participants: Iterable[Model] | None = None,
    people: Iterable[Model] | None = None,
    exclude_pk: int | None = None,
) -> list[dict[str, Any]]:
    """Other activities at the same time that share a team member, a contact (for instance a
    delegation member) or the venue. Cancelled activities never conflict. Recurring activities
    are compared on their first occurrence."""
    from django.db.models import Q

    from .models import ActivityStatus

    if (
        not activity.starts_at
        or not activity.ends_at
        or activity.status == ActivityStatus.CANCELLED
    ):
        return []
    team_ids = {user.pk for user in team_participants or []}
    people_ids = {person.pk for person in people or []}
    venue = _venue(activity)
    overlapping = (
        Activity.objects.filter(starts_at__lt=activity.ends_at, ends_at__gt=activity.starts_at)
        .exclude(status=ActivityStatus.CANCELLED)
        .exclude(pk=exclude_pk or activity.pk)
    )
    condition = Q(pk__in=[])
    if team_ids:
        condition |= Q(team_participants__in=team_ids)
    if people_ids:
        condition |= Q(people__in=people_ids)
    if venue[0]:
        condition |= Q(
            location__iexact=activity.location.strip(), city__iexact=activity.city.strip()
        )
    candidates = (
        overlapping.filter(condition).distinct().prefetch_related("team_participants", "people")
    )
    conflicts = [_shared(other, team_ids, people_ids, venue) for other in candidates]
    return sorted(conflicts, key=lambda conflict: conflict["activity"].starts_at)


def _venue(activity: Activity) -> tuple[str, str]:
    return (activity.location or "").strip().lower(), (activity.city or "").strip().lower()


def _shared(
    other: Activity, team_ids: set[Any], people_ids: set[Any], venue: tuple[str, str]
) -> dict[str, Any]:
    """What ``other`` shares with the activity being planned."""
    return {
        "activity": other,
        "team_participants": [
            user for user in other.team_participants.all() if user.pk in team_ids
        ],
        "people": [person for person in other.people.all() if person.pk in people_ids],
        "same_venue": bool(venue[0]) and _venue(other) == venue,
    }


class Occurrences(list[dict[str, Any]]):
    """The occurrences of a window, as dicts; ``truncated`` when some were left out by the
    limits on rules stored unchecked (or a series gave more than its window can hold)."""

    truncated = False


CALENDAR_COLUMNS = (
    "title_nl",
    "title_en",
    "kind",
    "status",
    "all_day",
    "timezone",
    "starts_at",
    "ends_at",
    "rrule",
    "exception_dates",
    "recurs_until",
)


# An occurrence: the activity, when this one begins and when it ends.
Found = tuple[Activity, datetime.datetime, datetime.datetime]


def occurrences_between(
    *,
    user: UserLike,
    start: datetime.datetime,
    end: datetime.datetime,
    queryset: QuerySet[Activity] | None = None,
) -> Occurrences:
    """Every occurrence of the activities ``user`` may see that overlaps [start, end): single
    activities from an index range, recurring ones expanded from their rule (minus exceptions).
    Activities are assumed to last at most a year, which keeps the range query bounded.

    A rule accepted today gives at most ``series_limit`` dates (a daily series fills the
    window): it is validated and cheap, so it is never left out. Rules stored unchecked come
    last and share what is left of ``MAX_OCCURRENCES_PER_SERIES``, ``MAX_OCCURRENCES_PER_REQUEST``
    and ``MAX_EXPANSION_SECONDS``, so no stored rules, however many or odd, can make a view
    slow; what they leave out is logged and marked by ``truncated``."""
    # Without activity_list's related rows, and only the columns a calendar entry and the
    # expansion read: a month can hold a thousand entries.
    queryset = access.visible_activities(
        user, Activity.objects.all() if queryset is None else queryset
    ).only(*CALENDAR_COLUMNS)
    found = _single_occurrences(queryset, start, end)
    result = Occurrences()
    budget = _ExpansionBudget()
    for checked, activity in _running_series(queryset, start, end):
        if not checked and budget.spent():
            result.truncated = True
            break
        dates, cut_short = _expand(activity, checked, start, end, budget)
        result.truncated = result.truncated or cut_short
        found.extend(dates)
    if result.truncated:
        _log_truncation(start, end)
    found.sort(key=lambda item: (item[1], item[0].pk))
    result.extend(
        {"activity": activity, "starts_at": begins, "ends_at": ends}
        for activity, begins, ends in found
    )
    return result


def _single_occurrences(
    queryset: QuerySet[Activity], start: datetime.datetime, end: datetime.datetime
) -> list[Found]:
    single = queryset.filter(
        rrule="",
        starts_at__lt=end,
        starts_at__gte=start - datetime.timedelta(days=366),
        ends_at__gt=start,
    )
    return [(activity, activity.starts_at, activity.ends_at) for activity in single]


def _running_series(
    queryset: QuerySet[Activity], start: datetime.datetime, end: datetime.datetime
) -> list[tuple[bool, Activity]]:
    """The visible series still running at ``start``: rules accepted today first, then the same
    order on every request, so rules stored unchecked can only use up what is left, and the
    same ones are left out each time."""
    from .recurrence import publishable

    # From the small partial index alone (without the access rules, whose own indexes would
    # tempt the planner into reading the whole history); then the visible ones among them.
    running = (
        Activity.objects.exclude(rrule="")
        .filter(Q(recurs_until__isnull=True) | Q(recurs_until__gt=start))
        .order_by()
        .values_list("pk", flat=True)
    )
    return sorted(
        (
            (publishable(activity.rrule), activity)
            for activity in queryset.filter(pk__in=list(running), starts_at__lt=end)
        ),
        key=lambda item: (not item[0], item[1].starts_at, item[1].pk),
    )


class _ExpansionBudget:
    """What rules stored unchecked may still use in one request: occurrences and processor
    time of this thread (not the clock: a busy server must not drop series)."""

    def __init__(self) -> None:
        from .recurrence import MAX_OCCURRENCES_PER_REQUEST

        self.room = MAX_OCCURRENCES_PER_REQUEST
        self.deadline: float | None = None

    def spent(self) -> bool:
        import time

        from .recurrence import MAX_EXPANSION_SECONDS

        self.deadline = self.deadline or time.thread_time() + MAX_EXPANSION_SECONDS
        return self.room <= 0 or time.thread_time() > self.deadline


def _expand(
    activity: Activity,
    checked: bool,
    start: datetime.datetime,
    end: datetime.datetime,
    budget: _ExpansionBudget,
) -> tuple[list[Found], bool]:
    """The occurrences of one series in the window, and whether the series was cut short."""
    from .recurrence import MAX_OCCURRENCES_PER_SERIES, occurrences, series_limit

    duration = activity.ends_at - activity.starts_at
    limit = series_limit(start - duration, end)
    if not checked:
        limit = min(limit, budget.room, MAX_OCCURRENCES_PER_SERIES)
    zone = activity.zone
    dates = occurrences(
        activity.rrule,
        starts_at=activity.starts_at,
        zone=zone,
        window_start=start - duration,
        window_end=end,
        last_start=activity.recurs_until - duration if activity.recurs_until else None,
        limit=limit + 1,  # one more tells whether the series was cut short
    )
    cut_short = len(dates) > limit
    dates = dates[:limit]
    if not checked:
        budget.room -= len(dates)
    skipped = set(activity.exception_dates)
    found: list[Found] = []
    for occurrence in dates:
        occurrence = occurrence.astimezone(zone)
        if occurrence.date().isoformat() in skipped:
            continue
        if occurrence < end and occurrence + duration > start:
            found.append((activity, occurrence, occurrence + duration))
    return found, cut_short


def _log_truncation(start: datetime.datetime, end: datetime.datetime) -> None:
    import logging

    from .recurrence import MAX_EXPANSION_SECONDS

    logging.getLogger(__name__).warning(
        "Recurring activities between %s and %s give more occurrences than a view shows "
        "(or rules stored unchecked take longer than %s s to expand); some are left out.",
        start,
        end,
        MAX_EXPANSION_SECONDS,
    )


def awaiting_publication() -> QuerySet[Activity]:
    """Partners' activities asked to be public and not yet approved, oldest request first."""
    return (
        Activity.objects.filter(publication_requested_at__isnull=False)
        .select_related("organiser_organisation")
        .order_by("publication_requested_at", "pk")
    )
