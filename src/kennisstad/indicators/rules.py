"""Counting rules of computed indicators, stored as JSON with the indicator and edited in the UI.

A rule counts projects (by category, theme, country, partner kind; active in, started in or ended
in a year) or activities (by kind, dated in a year). ``count_per_year`` answers many years in one
aggregate query; ``records`` gives the rows behind one number (the drill-down).
"""

import datetime
import zoneinfo
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _

from kennisstad.agenda.models import Activity, ActivityKind, ActivityStatus
from kennisstad.core.models import Theme
from kennisstad.projects.models import Project, ProjectCategory
from kennisstad.projects.selectors import COUNTING_STATUSES
from kennisstad.relations.models import OrganisationKind

SUBJECTS = ("projects", "activities")
PERIODS = ("active", "started", "ended")


class RuleError(ValueError):
    """A rule that cannot be evaluated; the message names the field."""


@dataclass(frozen=True)
class Rule:
    subject: str
    period: str = "active"
    category: str = ""
    themes: tuple[str, ...] = field(default_factory=tuple)
    countries: tuple[str, ...] = field(default_factory=tuple)
    partner_kind: str = ""
    activity_kind: str = ""

    def as_dict(self) -> dict:
        data: dict = {"subject": self.subject}
        if self.subject == "projects":
            data["period"] = self.period
            if self.category:
                data["category"] = self.category
            if self.partner_kind:
                data["partner_kind"] = self.partner_kind
        elif self.activity_kind:
            data["activity_kind"] = self.activity_kind
        if self.themes:
            data["themes"] = list(self.themes)
        if self.countries:
            data["countries"] = list(self.countries)
        return data


def parse_rule(data: dict | None) -> Rule:
    """Validate a stored rule; raises ``RuleError`` naming the offending field."""
    if not isinstance(data, dict) or not data:
        raise RuleError(_("A computed indicator needs a counting rule."))
    subject = data.get("subject")
    if subject not in SUBJECTS:
        raise RuleError(_("subject: count either projects or activities."))
    unknown = set(data) - {
        "subject",
        "period",
        "category",
        "themes",
        "countries",
        "partner_kind",
        "activity_kind",
    }
    if unknown:
        raise RuleError(
            _("Unknown rule fields: %(fields)s.") % {"fields": ", ".join(sorted(unknown))}
        )
    period = data.get("period") or "active"
    if period not in PERIODS:
        raise RuleError(_("period: use active, started or ended."))
    category = data.get("category") or ""
    if category and not ProjectCategory.objects.filter(code=category).exists():
        raise RuleError(_("category: there is no project category %(code)s.") % {"code": category})
    themes = tuple(data.get("themes") or ())
    known_themes = set(Theme.objects.filter(slug__in=themes).values_list("slug", flat=True))
    if missing := [theme for theme in themes if theme not in known_themes]:
        raise RuleError(_("themes: unknown theme %(slug)s.") % {"slug": ", ".join(missing)})
    countries = tuple(code.upper() for code in data.get("countries") or ())
    from django_countries import countries as country_list

    if bad := [code for code in countries if code not in dict(country_list)]:
        raise RuleError(_("countries: unknown country code %(code)s.") % {"code": ", ".join(bad)})
    partner_kind = data.get("partner_kind") or ""
    if partner_kind and partner_kind not in OrganisationKind.values:
        raise RuleError(
            _("partner_kind: unknown organisation kind %(kind)s.") % {"kind": partner_kind}
        )
    activity_kind = data.get("activity_kind") or ""
    if activity_kind and activity_kind not in ActivityKind.values:
        raise RuleError(
            _("activity_kind: unknown activity kind %(kind)s.") % {"kind": activity_kind}
        )
    if subject == "activities" and (category or partner_kind or data.get("period")):
        raise RuleError(_("Activities are counted by kind, theme and country only."))
    if subject == "projects" and activity_kind:
        raise RuleError(_("activity_kind applies to activities only."))
    return Rule(subject, period, category, themes, countries, partner_kind, activity_kind)


def _year_bounds(year: int) -> tuple[datetime.datetime, datetime.datetime]:
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    return (
        datetime.datetime(year, 1, 1, tzinfo=zone),
        datetime.datetime(year + 1, 1, 1, tzinfo=zone),
    )


def _base(rule: Rule) -> QuerySet:
    if rule.subject == "projects":
        queryset = Project.objects.filter(status__in=COUNTING_STATUSES)
        if rule.category:
            queryset = queryset.filter(category__code=rule.category)
        if rule.themes:
            queryset = queryset.filter(
                pk__in=Project.themes.through.objects.filter(theme__slug__in=rule.themes).values(
                    "project_id"
                )
            )
        if rule.partner_kind:
            queryset = queryset.filter(
                Q(lead_organisation__kind=rule.partner_kind)
                | Q(
                    pk__in=Project.partnerships.rel.related_model.objects.filter(
                        organisation__kind=rule.partner_kind
                    ).values("project_id")
                )
            )
        country_field = "countries__contains"
    else:
        queryset = Activity.objects.exclude(status=ActivityStatus.CANCELLED)
        if rule.activity_kind:
            queryset = queryset.filter(kind=rule.activity_kind)
        if rule.themes:
            queryset = queryset.filter(
                pk__in=Activity.themes.through.objects.filter(theme__slug__in=rule.themes).values(
                    "activity_id"
                )
            )
        country_field = "country__in"
    if rule.countries:
        if rule.subject == "projects":
            condition = Q()
            for code in rule.countries:
                condition |= Q(**{country_field: code})
            queryset = queryset.filter(condition)
        else:
            queryset = queryset.filter(country__in=rule.countries)
    return queryset


def _year_condition(rule: Rule, year: int) -> Q:
    if rule.subject == "activities":
        begin, end = _year_bounds(year)
        return Q(starts_at__gte=begin, starts_at__lt=end)
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    if rule.period == "started":
        return Q(start_date__gte=first, start_date__lte=last)
    if rule.period == "ended":
        return Q(end_date__gte=first, end_date__lte=last)
    return Q(start_date__lte=last) & (Q(end_date__isnull=True) | Q(end_date__gte=first))


def count_per_year(rule: Rule, years: list[int]) -> dict[int, int]:
    """Counts for several years in one aggregate query."""
    aggregates = {f"y{year}": Count("pk", filter=_year_condition(rule, year)) for year in years}
    result = _base(rule).aggregate(**aggregates)
    return {year: result[f"y{year}"] for year in years}


def records(rule: Rule, year: int) -> QuerySet:
    """The rows counted for ``year``: what makes the number."""
    return _base(rule).filter(_year_condition(rule, year)).order_by("pk")


def records_per_year(rule: Rule, years: list[int]) -> dict[int, list[tuple[int, str]]]:
    """The rows behind every year's number in one query, bucketed by year in Python with the
    same boundaries ``count_per_year`` uses (local calendar years)."""
    condition = Q()
    for year in years:
        condition |= _year_condition(rule, year)
    buckets: dict[int, list[tuple[int, str]]] = {year: [] for year in years}
    queryset = _base(rule).filter(condition).order_by("pk")
    if rule.subject == "activities":
        zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
        for pk, title, starts_at in queryset.values_list("pk", "title_nl", "starts_at"):
            year = starts_at.astimezone(zone).year
            if year in buckets:
                buckets[year].append((pk, title))
        return buckets
    for pk, title, start, end in queryset.values_list("pk", "title_nl", "start_date", "end_date"):
        for year in years:
            first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
            if rule.period == "started":
                hit = start is not None and first <= start <= last
            elif rule.period == "ended":
                hit = end is not None and first <= end <= last
            else:
                hit = start is not None and start <= last and (end is None or end >= first)
            if hit:
                buckets[year].append((pk, title))
    return buckets
