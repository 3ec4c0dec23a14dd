"""Reads over the project portfolio, including the year rules the budget indicators count by."""

import datetime
from collections.abc import Iterable
from itertools import groupby
from operator import itemgetter
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from kennisstad.core.typing import UserLike
from kennisstad.relations.models import Organisation

from .models import Project, ProjectCategory, ProjectPartner, ProjectStatus, ProjectStatusChange
from .status_history import years_counted

# The portfolio's year filter shows what is scheduled: planned projects included.
SCHEDULED_STATUSES = (ProjectStatus.PLANNED, ProjectStatus.ACTIVE, ProjectStatus.COMPLETED)


def active_in_year(year: int, queryset: QuerySet[Project] | None = None) -> QuerySet[Project]:
    """The portfolio's "active in" filter: projects scheduled in ``year`` by their dates (started
    by 31 December, not ended before 1 January), planned ones included. The indicators do not
    count by this: they count by the status history (``counted_per_year``)."""
    queryset = Project.objects.all() if queryset is None else queryset
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    return queryset.filter(
        Q(start_date__lte=last) & (Q(end_date__isnull=True) | Q(end_date__gte=first)),
        status__in=SCHEDULED_STATUSES,
    )


def countable_projects(
    *,
    category: str = "",
    themes: tuple[str, ...] = (),
    countries: tuple[str, ...] = (),
    partner_kind: str = "",
) -> QuerySet[Project]:
    """The projects an indicator may count, narrowed to a category code, theme slugs, country
    codes (any of them) and the kind of its lead or any partner. Whether one counts in a year
    is its status history's to say (``counted_per_year``), whatever its status is now."""
    queryset = Project.objects.all()
    if category:
        queryset = queryset.filter(category__code=category)
    if themes:
        tagged = Project.themes.through.objects.filter(theme__slug__in=themes)
        queryset = queryset.filter(pk__in=tagged.values("project_id"))
    if partner_kind:
        partners = ProjectPartner.objects.filter(organisation__kind=partner_kind)
        queryset = queryset.filter(
            Q(lead_organisation__kind=partner_kind) | Q(pk__in=partners.values("project_id"))
        )
    if countries:
        condition = Q()
        for code in countries:
            condition |= Q(countries__contains=code)
        queryset = queryset.filter(condition)
    return queryset


def counted_per_year(
    queryset: QuerySet[Project],
    *,
    period: str,
    years: Iterable[int],
    today: datetime.date | None = None,
) -> dict[int, list[int]]:
    """Per year the ids of the projects in ``queryset`` that count in it by their status
    history (``status_history.years_counted``: ``active``, ``started`` or ``ended``), sorted.

    One query over the status changes up to the end of the window (the last year's 31 December,
    or today if earlier); later changes cannot change what happened inside it. Years after
    today's are empty: nothing has run in them yet."""
    years = sorted(set(years))
    result: dict[int, list[int]] = {year: [] for year in years}
    today = today or timezone.localdate()
    if not years or years[0] > today.year:
        return result
    until = min(datetime.date(years[-1], 12, 31), today)
    rows = (
        ProjectStatusChange.objects.filter(
            project__in=queryset.order_by().values("pk"), changed_on__lte=until
        )
        .order_by("project_id", "changed_on", "id")
        .values_list("project_id", "id", "status", "changed_on")
    )
    for project_id, changes in groupby(rows.iterator(chunk_size=5000), key=itemgetter(0)):
        history = [row[1:] for row in changes]
        for year in years_counted(history, period=period, years=years, today=until):
            result[year].append(project_id)
    return result


def project_list(*, queryset: QuerySet[Project] | None = None) -> QuerySet[Project]:
    queryset = Project.objects.all() if queryset is None else queryset
    return queryset.select_related("category", "lead_organisation", "owner").prefetch_related(
        "themes"
    )


def projects_of_organisation(organisation: Organisation, *, user: UserLike) -> QuerySet[Project]:
    """Projects an organisation leads or partners in, as far as ``user`` may see them."""
    from kennisstad.accounts import access

    queryset = Project.objects.filter(
        Q(lead_organisation=organisation) | Q(partnerships__organisation=organisation)
    ).distinct()
    return access.visible_projects(user, project_list(queryset=queryset))


def status_history(project: Project) -> list[ProjectStatusChange]:
    """Each status the project was given, in the order they were recorded: the day it took
    effect (a change may be dated back, see ``status_history``) and who set it."""
    return list(project.status_changes.select_related("changed_by").order_by("id"))


def portfolio_overview(queryset: QuerySet[Project]) -> dict[str, Any]:
    """Counts of the projects in ``queryset`` by theme x category and by country. A project
    with several themes or countries counts once in each of them; the totals count it once."""
    from collections import Counter

    from django.db.models import Count, Subquery
    from django_countries import countries

    from kennisstad.core.models import Theme

    chosen = Project.objects.filter(pk__in=Subquery(queryset.order_by().values("pk")))
    categories = list(
        ProjectCategory.objects.filter(pk__in=chosen.values("category")).order_by("pk")
    )
    themes = list(Theme.objects.filter(pk__in=chosen.values("themes")).order_by("name_nl"))
    cells = {
        (row["themes"], row["category"]): row["count"]
        for row in chosen.order_by()
        .values("themes", "category")
        .annotate(count=Count("pk", distinct=True))
    }
    rows = []
    for theme in [*themes, None]:
        counts = [cells.get((theme.pk if theme else None, c.pk), 0) for c in categories]
        if theme is None and not any(counts):
            continue
        rows.append({"theme": theme, "counts": counts, "total": sum(counts)})
    category_totals = {
        row["category"]: row["count"]
        for row in chosen.order_by().values("category").annotate(count=Count("pk"))
    }
    by_country: Counter[str] = Counter()
    for value in chosen.values_list("countries", flat=True):
        for code in (value or "").split(","):
            if code:
                by_country[code] += 1
    names = dict(countries)
    return {
        "total": chosen.count(),
        "categories": categories,
        "rows": rows,
        "category_totals": [category_totals.get(c.pk, 0) for c in categories],
        "by_country": [
            {"code": code, "name": str(names.get(code, code)), "count": count}
            for code, count in sorted(
                by_country.items(), key=lambda item: (-item[1], str(names.get(item[0], "")))
            )
        ],
    }
