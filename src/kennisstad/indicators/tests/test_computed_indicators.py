"""On projects like the budget chapter's, its indicators compute to the chapter's 2016 figure,
and a new project entered through the API moves the number."""

import pytest
from django.core.management import call_command

from kennisstad.indicators.models import Indicator, Realisation
from kennisstad.indicators.selectors import counted_records
from kennisstad.indicators.services import compute_indicator
from kennisstad.indicators.tests.factories import chapter_indicators
from kennisstad.projects.models import Project, ProjectCategory
from kennisstad.projects.selectors import counted_per_year
from kennisstad.projects.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def projects_and_indicators():
    chapter_indicators()


def computed(code_suffix: str, year: int) -> Realisation:
    indicator = Indicator.objects.get(code__endswith=code_suffix)
    return compute_indicator(indicator=indicator, years=[year])[0]


def test_both_indicators_compute_to_two_in_2016(projects_and_indicators):
    call_command("compute-indicators", year=2016)
    for category in (ProjectCategory.COLLABORATION, ProjectCategory.PROFILING):
        realisation = Realisation.objects.get(indicator__code__endswith=category, year=2016)
        assert realisation.value == 2
        assert realisation.origin == "computed"
        records = counted_records(realisation)
        assert len(records) == 2
        projects = Project.objects.filter(category__code=category)
        expected = counted_per_year(projects, period="active", years=[2016])[2016]
        assert {record["id"] for record in records} == set(expected)
        assert all(record["url"] for record in records)


def test_a_collaboration_project_added_through_the_api_raises_2018_by_one(
    projects_and_indicators, api_client_for, team_member
):
    before = computed(ProjectCategory.COLLABORATION, 2018).value
    response = api_client_for(team_member).post(
        "/api/v1/projects/",
        {
            "title_nl": "Waterstofsamenwerking Groningen-Hamburg",
            "category": ProjectCategory.COLLABORATION,
            "status": "active",
            "start_date": "2018-03-01",
            "end_date": "2019-06-30",
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    after = computed(ProjectCategory.COLLABORATION, 2018)
    assert after.value == before + 1
    assert response.json()["id"] in after.counted["ids"]
    # Recomputing on the same day updates that day's value instead of piling up rows.
    assert Realisation.objects.filter(indicator=after.indicator, year=2018).count() == 1


def test_profiling_count_ignores_collaboration_projects(projects_and_indicators, team_member):
    before = computed(ProjectCategory.PROFILING, 2018).value
    ProjectFactory(  # with the status history save_project gives it
        title_nl="Extra samenwerking",
        category=ProjectCategory.objects.get(code=ProjectCategory.COLLABORATION),
        status="active",
        start_date="2018-01-01",
    )
    assert computed(ProjectCategory.PROFILING, 2018).value == before


def test_recomputing_without_changes_writes_nothing(projects_and_indicators):
    indicator = Indicator.objects.get(code__endswith=ProjectCategory.PROFILING)
    compute_indicator(indicator=indicator, years=[2016, 2018])
    history_rows = Realisation.history.count()
    versions = list(Realisation.objects.values_list("pk", "version"))
    compute_indicator(indicator=indicator, years=[2016, 2018])
    assert Realisation.history.count() == history_rows
    assert list(Realisation.objects.values_list("pk", "version")) == versions


@pytest.mark.parametrize("period", ["active", "started", "ended"])
def test_the_drill_down_holds_exactly_what_the_count_counts(projects_and_indicators, period):
    """The records behind a number are sorted into years in Python; they must agree with the
    database's own count for every period rule."""
    from kennisstad.indicators import rules

    rule = rules.parse_rule({"subject": "projects", "period": period})
    years = list(range(2014, 2021))
    counts = rules.count_per_year(rule, years)
    ids = rules.records_per_year(rule, years)
    assert {year: len(ids[year]) for year in years} == counts
    assert sum(counts.values()) > 0
