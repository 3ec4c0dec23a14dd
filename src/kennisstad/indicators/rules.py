"""Counting rules of computed indicators, stored as JSON with the indicator and edited in the UI.

A rule counts projects (by category, theme, country, partner kind; active in, started in or ended
in a year, as their status history says: a project counts only in a year it really ran) or
activities (by kind, dated in a year), or the people who came to activities (checked in, or
confirmed registrations, as the registrations app counts them; e.g. visitors of IWCN events), or
funding applications (by programme; in one of the given stages at some moment of the year, as
their stage history says).
``count_per_year`` answers many years in one query; ``records_per_year`` gives the rows behind
each number (the drill-down).
"""

from dataclasses import dataclass, field

from django.db.models import Count, QuerySet
from django.utils.translation import gettext as _

from kennisstad.agenda import selectors as agenda_selectors
from kennisstad.agenda.models import ActivityKind
from kennisstad.core.models import Theme
from kennisstad.funding import selectors as funding_selectors
from kennisstad.funding.models import Programme, Stage
from kennisstad.projects import selectors as project_selectors
from kennisstad.projects.models import ProjectCategory
from kennisstad.registrations import selectors as registration_selectors
from kennisstad.relations import selectors as relation_selectors
from kennisstad.relations.models import OrganisationKind

SUBJECTS = ("projects", "activities", "attendees", "applications")
ATTENDANCE = ("checked_in", "confirmed")
PERIODS = ("active", "started", "ended")
RULE_FIELDS = {
    "subject",
    "period",
    "category",
    "themes",
    "countries",
    "partner_kind",
    "activity_kind",
    "organiser",
    "attendance",
    "stages",
    "programmes",
}
# What only a rule over funding applications may name, and what it may not.
APPLICATION_FIELDS = {"subject", "stages", "programmes"}


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
    organiser: int | None = None  # an organisation's number: activities it organised
    attendance: str = "checked_in"  # attendees: who checked in, or confirmed registrations
    stages: tuple[str, ...] = field(default_factory=tuple)  # applications: in any of these
    programmes: tuple[str, ...] = field(default_factory=tuple)  # applications: of any of these

    def as_dict(self) -> dict:
        data: dict = {"subject": self.subject}
        if self.subject == "applications":
            data["stages"] = list(self.stages)
            if self.programmes:
                data["programmes"] = list(self.programmes)
            return data
        if self.subject == "projects":
            data["period"] = self.period
            if self.category:
                data["category"] = self.category
            if self.partner_kind:
                data["partner_kind"] = self.partner_kind
        elif self.activity_kind:
            data["activity_kind"] = self.activity_kind
        if self.subject == "attendees":
            data["attendance"] = self.attendance
        if self.organiser:
            data["organiser"] = self.organiser
        if self.themes:
            data["themes"] = list(self.themes)
        if self.countries:
            data["countries"] = list(self.countries)
        return data


def parse_rule(data: dict | None, *, check_references: bool = True) -> Rule:
    """Validate a stored rule; raises ``RuleError`` naming the offending field.

    ``check_references=False`` skips the database look-ups of categories and themes, for rules
    that were validated when saved.
    """
    if not isinstance(data, dict) or not data:
        raise RuleError(_("A computed indicator needs a counting rule."))
    subject = data.get("subject")
    if subject not in SUBJECTS:
        raise RuleError(_("subject: count projects, activities, attendees or applications."))
    if unknown := set(data) - RULE_FIELDS:
        raise RuleError(
            _("Unknown rule fields: %(fields)s.") % {"fields": ", ".join(sorted(unknown))}
        )
    if subject == "applications":
        return _application_rule(data)
    if data.get("stages") or data.get("programmes"):
        raise RuleError(_("stages and programmes apply to applications only."))
    period = data.get("period") or "active"
    if period not in PERIODS:
        raise RuleError(_("period: use active, started or ended."))
    category = data.get("category") or ""
    if check_references and category and not ProjectCategory.objects.filter(code=category).exists():
        raise RuleError(_("category: there is no project category %(code)s.") % {"code": category})
    themes = tuple(data.get("themes") or ())
    known_themes = (
        set(Theme.objects.filter(slug__in=themes).values_list("slug", flat=True))
        if check_references and themes
        else set(themes)
    )
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
    if subject != "projects" and (category or partner_kind or data.get("period")):
        raise RuleError(_("Activities are counted by kind, theme and country only."))
    extras = _activity_extras(data, subject, check_references)  # kind, organiser, attendance
    return Rule(*(subject, period, category, themes, countries, partner_kind), *extras)


def _application_rule(data: dict) -> Rule:
    """A rule over funding applications: the stages (at least one) and the programmes."""
    if other := set(data) - APPLICATION_FIELDS:
        raise RuleError(
            _("Applications are counted by stage and programme only, not by %(fields)s.")
            % {"fields": ", ".join(sorted(other))}
        )
    stages = data.get("stages") or []
    programmes = data.get("programmes") or []
    if not isinstance(stages, list) or not isinstance(programmes, list):
        raise RuleError(_("stages and programmes: give lists of codes."))
    if not stages:
        raise RuleError(_("stages: name at least one stage, e.g. running."))
    if bad := [str(stage) for stage in stages if stage not in Stage.values]:
        raise RuleError(
            _("stages: unknown stage %(stage)s; use %(known)s.")
            % {"stage": ", ".join(bad), "known": ", ".join(Stage.values)}
        )
    if bad := [str(code) for code in programmes if code not in Programme.values]:
        raise RuleError(
            _("programmes: unknown programme %(code)s; use %(known)s.")
            % {"code": ", ".join(bad), "known": ", ".join(Programme.values)}
        )
    return Rule(
        "applications",
        stages=tuple(dict.fromkeys(stages)),
        programmes=tuple(dict.fromkeys(programmes)),
    )


def _activity_extras(
    data: dict, subject: str, check_references: bool
) -> tuple[str, int | None, str]:
    """The kind and organiser (activities and attendees) and what counts as attendance."""
    activity_kind = data.get("activity_kind") or ""
    if activity_kind and activity_kind not in ActivityKind.values:
        raise RuleError(
            _("activity_kind: unknown activity kind %(kind)s.") % {"kind": activity_kind}
        )
    if subject == "projects" and (activity_kind or data.get("organiser")):
        raise RuleError(_("activity_kind applies to activities only."))
    organiser = data.get("organiser") or None
    if organiser is not None:
        if isinstance(organiser, bool) or not isinstance(organiser, int):
            raise RuleError(_("organiser: give the number of an organisation."))
        if (
            check_references
            and not relation_selectors.organisation_list().filter(pk=organiser).exists()
        ):
            raise RuleError(_("organiser: there is no organisation %(pk)s.") % {"pk": organiser})
    attendance = data.get("attendance") or "checked_in"
    if attendance not in ATTENDANCE:
        raise RuleError(_("attendance: use checked_in or confirmed."))
    if subject != "attendees" and data.get("attendance"):
        raise RuleError(_("attendance applies to attendees only."))
    return activity_kind, organiser, attendance


def _base(rule: Rule) -> QuerySet:
    """What the rule counts, asked of the app that owns it."""
    if rule.subject == "applications":
        return funding_selectors.countable_applications(programmes=rule.programmes)
    if rule.subject == "projects":
        return project_selectors.countable_projects(
            category=rule.category,
            themes=rule.themes,
            countries=rule.countries,
            partner_kind=rule.partner_kind,
        )
    activities = agenda_selectors.countable_activities(
        kind=rule.activity_kind, themes=rule.themes, countries=rule.countries
    )
    if rule.organiser:
        activities = activities.filter(organiser_organisation_id=rule.organiser)
    return activities


def _attendees_per_year(rule: Rule, years: list[int]) -> dict[int, int]:
    """People at the activities of each year, counted by the registrations app."""
    activity_years = dict(agenda_selectors.activity_years(_base(rule), years))
    per_activity = registration_selectors.attendance_per_activity(
        list(activity_years), checked_in_only=rule.attendance == "checked_in"
    )
    counts = dict.fromkeys(years, 0)
    for activity_id, count in per_activity.items():
        year = activity_years[activity_id]
        if year in counts:
            counts[year] += count
    return counts


def count_per_year(rule: Rule, years: list[int]) -> dict[int, int]:
    """Counts for several years in one query."""
    if rule.subject in ("projects", "applications"):
        ids = records_per_year(rule, years)
        return {year: len(ids[year]) for year in years}
    if rule.subject == "attendees":
        return _attendees_per_year(rule, years)
    aggregates = {
        f"y{year}": Count("pk", filter=agenda_selectors.dated_in_year(year)) for year in years
    }
    result = _base(rule).aggregate(**aggregates)
    return {year: result[f"y{year}"] for year in years}


def records_per_year(rule: Rule, years: list[int]) -> dict[int, list[int]]:
    """The ids behind every year's number, in one query, sorted into years with the same
    boundaries ``count_per_year`` uses (local calendar years). For attendees: the activities
    whose visitors were counted (never the people)."""
    if rule.subject == "projects":
        return project_selectors.counted_per_year(_base(rule), period=rule.period, years=years)
    if rule.subject == "applications":
        return funding_selectors.counted_per_year(_base(rule), stages=rule.stages, years=years)
    buckets: dict[int, list[int]] = {year: [] for year in years}
    for pk, year in agenda_selectors.activity_years(_base(rule), years):
        if year in buckets:
            buckets[year].append(pk)
    for ids in buckets.values():
        ids.sort()
    return buckets


def describe(rule: Rule) -> str:
    """The rule in words, for the indicator page."""
    from django_countries import countries as country_names

    parts = []
    if rule.subject == "applications":
        return _describe_applications(rule)
    if rule.subject == "projects":
        parts.append(
            {
                "active": _("projects that ran in the year (by their status history)"),
                "started": _("projects that started running in the year"),
                "ended": _("projects completed in the year"),
            }[rule.period]
        )
        if rule.category:
            category = ProjectCategory.objects.filter(code=rule.category).first()
            parts.append(_("category %(name)s") % {"name": category or rule.category})
        if rule.partner_kind:
            parts.append(
                _("with a partner of kind %(kind)s")
                % {"kind": OrganisationKind(rule.partner_kind).label}
            )
    else:
        kind = ActivityKind(rule.activity_kind).label if rule.activity_kind else _("any kind")
        if rule.subject == "attendees":
            text = (
                _("people checked in at activities (%(kind)s) dated in the year")
                if rule.attendance == "checked_in"
                else _("confirmed registrations for activities (%(kind)s) dated in the year")
            )
            parts.append(text % {"kind": kind})
        else:
            parts.append(
                _("activities (%(kind)s) dated in the year, not cancelled") % {"kind": kind}
            )
        if rule.organiser:
            organiser = relation_selectors.organisation_list().filter(pk=rule.organiser).first()
            parts.append(_("organised by %(name)s") % {"name": organiser or rule.organiser})
    if rule.themes:
        names = Theme.objects.filter(slug__in=rule.themes).order_by("name_nl")
        parts.append(_("theme %(names)s") % {"names": ", ".join(str(theme) for theme in names)})
    if rule.countries:
        names = ", ".join(str(dict(country_names).get(code, code)) for code in rule.countries)
        parts.append(_("in %(countries)s") % {"countries": names})
    text = "; ".join(str(part) for part in parts)
    return text[:1].upper() + text[1:]


def _describe_applications(rule: Rule) -> str:
    stages = ", ".join(str(Stage(stage).label).lower() for stage in rule.stages)
    text = _(
        "funding applications that were %(stages)s at some moment of the year "
        "(by their stage history)"
    ) % {"stages": stages}
    if rule.programmes:
        names = ", ".join(str(Programme(code).label) for code in rule.programmes)
        text = "; ".join([text, _("programme %(names)s") % {"names": names}])
    return text[:1].upper() + text[1:]
