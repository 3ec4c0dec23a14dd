"""Reads over the project portfolio, including the year rules the budget indicators count by."""

import datetime
from typing import Any, TypeAlias

from django.db.models import Q, QuerySet

from kennisstad.core.queries import raw_rows
from kennisstad.core.typing import UserLike
from kennisstad.relations.models import Organisation

from .models import Project, ProjectCategory, ProjectPartner, ProjectStatus

COUNTING_STATUSES = (ProjectStatus.PLANNED, ProjectStatus.ACTIVE, ProjectStatus.COMPLETED)
# (id, start date, end date); a date may be ISO text (SQLite), see ``project_periods``.
ProjectPeriod: TypeAlias = tuple[int, datetime.date | str | None, datetime.date | str | None]


def year_condition(period: str, year: int) -> Q:
    """Which projects count for ``year``: ``active`` (ran during some part of it: started by 31
    December, not ended before 1 January), ``started`` or ``ended`` in it. Ideas and cancelled
    projects never count (see ``COUNTING_STATUSES``). The budget indicators count by this rule."""
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    if period == "started":
        return Q(start_date__gte=first, start_date__lte=last)
    if period == "ended":
        return Q(end_date__gte=first, end_date__lte=last)
    return Q(start_date__lte=last) & (Q(end_date__isnull=True) | Q(end_date__gte=first))


def active_in_year(year: int, queryset: QuerySet[Project] | None = None) -> QuerySet[Project]:
    queryset = Project.objects.all() if queryset is None else queryset
    return queryset.filter(year_condition("active", year), status__in=COUNTING_STATUSES)


def countable_projects(
    *,
    category: str = "",
    themes: tuple[str, ...] = (),
    countries: tuple[str, ...] = (),
    partner_kind: str = "",
) -> QuerySet[Project]:
    """The projects an indicator may count (``COUNTING_STATUSES``), narrowed to a category code,
    theme slugs, country codes (any of them) and the kind of its lead or any partner."""
    queryset = Project.objects.filter(status__in=COUNTING_STATUSES)
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


def project_periods(queryset: QuerySet[Project]) -> list[ProjectPeriod]:
    """``(id, start date, end date)`` of each project, ordered by id, for counting per year;
    dates as the database returns them (ISO text on SQLite)."""
    return raw_rows(queryset.order_by("pk").values_list("pk", "start_date", "end_date"))


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


def status_history(project: Project) -> list[dict[str, Any]]:
    """Each status the project has had, from the audit trail: when it began and who set it."""
    from kennisstad.accounts.models import User

    rows = project.history.order_by("history_date", "history_id").values(
        "status", "history_date", "history_user_id"
    )
    labels = dict(ProjectStatus.choices)
    changes, previous = [], None
    for row in rows:
        if row["status"] != previous:
            changes.append(
                {
                    "status": labels.get(row["status"], row["status"]),
                    "since": row["history_date"],
                    "user_id": row["history_user_id"],
                }
            )
            previous = row["status"]
    users = User.objects.in_bulk({change["user_id"] for change in changes if change["user_id"]})
    for change in changes:
        change["by"] = users.get(change.pop("user_id"))
    return changes


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
