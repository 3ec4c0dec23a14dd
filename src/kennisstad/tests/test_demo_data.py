"""The demo scenario must load repeatedly without duplicates, reproduce the budget chapter's
indicator figures, exercise every calendar option and give a working login for every role."""

import datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.apps import apps
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import F
from django.test import Client
from django.utils import timezone

from kennisstad.accounts.models import Role, User
from kennisstad.agenda.models import Activity, ActivityKind, ActivityStatus, Visibility
from kennisstad.core.context_processors import DEMO_CACHE_KEY, demo_loaded
from kennisstad.core.models import DemoDataset
from kennisstad.indicators.models import Origin, Realisation, Target
from kennisstad.policy.models import Document, DocumentStatus, PolicyArea
from kennisstad.projects.models import Project, ProjectCategory, ProjectStatus
from kennisstad.projects.selectors import active_in_year
from kennisstad.relations.models import Interaction, Organisation, Person
from kennisstad.workspace.demo import LOGINS, SCENARIO, load_demo

pytestmark = pytest.mark.django_db

EXPECTED_ACTIVE_PER_YEAR = {
    ProjectCategory.COLLABORATION: {2015: 0, 2016: 2, 2017: 3, 2018: 6, 2019: 5},
    ProjectCategory.PROFILING: {2015: 0, 2016: 2, 2017: 3, 2018: 6, 2019: 5},
    ProjectCategory.WELCOME_POLICY: {2015: 1, 2016: 2, 2017: 3, 2018: 4, 2019: 4},
}


def row_counts() -> dict[str, int]:
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


@pytest.fixture
def demo() -> dict:
    return load_demo()


def test_loading_twice_changes_no_row_count():
    load_demo()
    first = row_counts()
    summary = load_demo()
    assert row_counts() == first
    assert sum(summary["created"].values()) == 0
    assert summary["existing"]["activities"] == Activity.objects.count()


def test_loading_twice_leaves_records_untouched(demo):
    versions = {
        model: dict(model.objects.values_list("pk", "version"))
        for model in (Organisation, Person, Interaction, Project, Activity, PolicyArea)
    }
    load_demo()
    for model, before in versions.items():
        assert dict(model.objects.values_list("pk", "version")) == before


def test_scenario_size(demo):
    assert Organisation.objects.count() >= 15
    assert 8 <= Person.objects.count() <= 15
    assert Interaction.objects.count() >= 8
    assert 40 <= Activity.objects.count() <= 60
    assert not Organisation.objects.filter(name__icontains="Gemeente Groningen").exists()
    assert all(
        email.endswith((".example", ".example.org"))
        for email in Person.objects.values_list("email", flat=True)
    )


@pytest.mark.parametrize("code", sorted(EXPECTED_ACTIVE_PER_YEAR))
def test_active_projects_per_year_match_the_budget_chapter(demo, code):
    projects = Project.objects.filter(category__code=code)
    counts = {year: active_in_year(year, projects).count() for year in range(2015, 2020)}
    assert counts == EXPECTED_ACTIVE_PER_YEAR[code]


@pytest.mark.parametrize("code", [ProjectCategory.COLLABORATION, ProjectCategory.PROFILING])
def test_the_demo_indicators_count_by_the_status_history(demo, code):
    """Every demo project has a status history, so the computed figures are the chapter's: the
    planned projects and the one cancelled before it started are not counted."""
    assert not Project.objects.filter(status_changes__isnull=True).exists()
    computed = Realisation.objects.filter(
        indicator__code__endswith=code, year__lte=2019, origin=Origin.COMPUTED
    )
    values = {realisation.year: int(realisation.value) for realisation in computed}
    assert values == EXPECTED_ACTIVE_PER_YEAR[code]
    this_year = timezone.localdate().year
    assert Realisation.objects.filter(indicator__code__endswith=code, year=this_year).exists()
    assert not Realisation.objects.filter(year__gt=this_year).exists()


def test_the_demo_documents_show_the_cycle_and_a_disagreement(demo):
    """The Begroting 2018 is adopted (its targets fixed), the Jaarverslag 2018 only published;
    they print the 2018 target differently, and both are kept."""
    begroting = Document.objects.get(kind="begroting", year=2018)
    jaarverslag = Document.objects.get(kind="jaarstukken", year=2018)
    assert begroting.is_adopted and begroting.decision_number
    assert jaarverslag.status == DocumentStatus.PUBLISHED and not jaarverslag.is_adopted
    targets = Target.objects.filter(
        year=2018, indicator__code__endswith=ProjectCategory.COLLABORATION
    )
    printed = {target.source_document.kind: target.display_text for target in targets}
    assert printed == {"begroting": "> 5", "jaarstukken": "> 2"}


def test_every_project_status_occurs(demo):
    assert set(Project.objects.values_list("status", flat=True)) == set(ProjectStatus.values)


def test_every_activity_kind_visibility_and_status_occurs(demo):
    activities = Activity.objects.all()
    assert set(activities.values_list("kind", flat=True)) == set(ActivityKind.values)
    assert set(activities.values_list("visibility", flat=True)) == set(Visibility.values)
    assert set(activities.values_list("status", flat=True)) == set(ActivityStatus.values)


@pytest.mark.parametrize(
    "today",
    [None, "2026-01-15", "2026-04-30", "2026-07-31", "2026-10-15", "2027-02-28"],
)
def test_calendar_is_filled_around_today_whenever_loaded(monkeypatch, today):
    if today is not None:
        fixed = datetime.datetime.fromisoformat(f"{today}T10:00:00+01:00")
        monkeypatch.setattr(timezone, "now", lambda: fixed)
    load_demo()
    now = timezone.now()
    starts = list(Activity.objects.values_list("starts_at", flat=True))
    assert min(starts) < now - datetime.timedelta(days=45)
    assert max(starts) > now + datetime.timedelta(days=180)
    assert all(now - datetime.timedelta(days=110) < start for start in starts)
    assert all(start < now + datetime.timedelta(days=290) for start in starts)
    next_month = Activity.objects.filter(
        starts_at__gte=now, starts_at__lt=now + datetime.timedelta(days=30)
    )
    assert next_month.count() >= 5
    for field, choices in (
        ("kind", ActivityKind),
        ("visibility", Visibility),
        ("status", ActivityStatus),
    ):
        assert set(Activity.objects.values_list(field, flat=True)) == set(choices.values)
    past_tentative = Activity.objects.filter(ends_at__lt=now, status=ActivityStatus.TENTATIVE)
    assert not past_tentative.exists()


def test_calendar_options_are_exercised(demo):
    assert Activity.objects.filter(rrule="FREQ=WEEKLY;COUNT=12;BYDAY=MO").exists()
    assert Activity.objects.exclude(timezone="Europe/Amsterdam").exists()
    assert Activity.objects.filter(project__isnull=False).exists()
    assert Activity.objects.filter(themes__isnull=False).exists()
    assert Activity.objects.filter(people__isnull=False).exists()
    assert Activity.objects.filter(team_participants__isnull=False).exists()
    assert Activity.objects.filter(organiser_organisation__abbreviation="RUG").exists()
    for activity in Activity.objects.filter(all_day=True):
        zone = ZoneInfo(activity.timezone)
        start, end = activity.starts_at.astimezone(zone), activity.ends_at.astimezone(zone)
        assert start.time() == end.time() == datetime.time(0)
        assert end.date() > start.date()
    multi_day = F("starts_at") + datetime.timedelta(days=1)
    assert Activity.objects.filter(all_day=True, ends_at__gt=multi_day).exists()


def test_multi_day_activity_in_china_time(demo):
    shanghai = Activity.objects.get(uid="demo-china-mission@kennisstad.example")
    assert shanghai.timezone == "Asia/Shanghai"
    assert shanghai.all_day
    local = shanghai.starts_at.astimezone(ZoneInfo("Asia/Shanghai"))
    assert local.time() == datetime.time(0)


def test_one_user_per_role_and_every_printed_login_works(demo):
    for role in Role.values:
        assert User.objects.filter(role=role).exists(), role
    admin = User.objects.get(role=Role.ADMINISTRATOR)
    assert admin.is_staff and admin.is_superuser
    partner = User.objects.get(role=Role.PARTNER_EDITOR, username="partner")
    assert partner.organisation.name == "Rijksuniversiteit Groningen"
    iwcn = User.objects.get(role=Role.PARTNER_EDITOR, username="iwcn")
    assert iwcn.organisation.name == "International Welcome Center North"
    assert {role for role, _, _ in LOGINS} == set(Role.values)
    for _, username, password in LOGINS:
        assert Client().login(username=username, password=password), username


def test_relationship_owners_are_team_members(demo):
    owners = User.objects.filter(owned_organisations__isnull=False).distinct()
    assert owners.exists()
    assert set(owners.values_list("role", flat=True)) == {Role.TEAM_MEMBER}


def test_policy_area_tree(demo):
    field = PolicyArea.objects.get(code="2.1.4")
    assert field.title_nl == "(Inter)nationaal Promoten van onze kennissectoren"
    assert field.parent.code == "2.1"
    assert field.parent.title_nl == "Groningen Kennisstad"  # the deelprogramma's printed name
    assert field.parent.parent.code == "2"
    assert field.parent.parent.title_nl == "Economie en werkgelegenheid"


def test_demo_marker_is_set_and_banner_cache_cleared():
    cache.set(DEMO_CACHE_KEY, False)
    load_demo()
    assert DemoDataset.objects.filter(scenario=SCENARIO).exists()
    assert cache.get(DEMO_CACHE_KEY) is None
    assert demo_loaded()


def test_command_prints_summary_and_logins():
    out = StringIO()
    call_command("demo", force=True, stdout=out)
    output = out.getvalue()
    assert "activities" in output
    for role, username, password in LOGINS:
        line = next(line for line in output.splitlines() if password in line)
        assert line.split() == [role, username, password]
    second = StringIO()
    call_command("demo", force=True, stdout=second)
    assert "0 created" in second.getvalue()


def test_command_refuses_without_debug_unless_forced(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("demo", stdout=StringIO())
    assert not DemoDataset.objects.exists()
