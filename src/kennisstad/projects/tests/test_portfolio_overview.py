"""The portfolio in numbers: by theme x category and by country, for the projects the list's
filters select; a project page shows how its status changed."""

import pytest
from django.urls import reverse

from kennisstad.core.models import Theme
from kennisstad.projects.models import ProjectCategory
from kennisstad.projects.selectors import portfolio_overview
from kennisstad.projects.services import save_project
from kennisstad.projects.tests.factories import ProjectFactory, category

pytestmark = pytest.mark.django_db


@pytest.fixture
def portfolio():
    energy = Theme.objects.get_or_create(slug="energie", defaults={"name_nl": "Energie"})[0]
    health = Theme.objects.get_or_create(
        slug="healthy-ageing", defaults={"name_nl": "Healthy Ageing"}
    )[0]
    both = ProjectFactory(title_nl="Waterstof en zorg", countries=["DE", "CN"])
    both.themes.set([energy, health])
    ProjectFactory(title_nl="Zonder thema", countries=["DE"])
    profile = ProjectFactory(
        title_nl="Profilering", category=category(ProjectCategory.PROFILING), countries=["BE"]
    )
    profile.themes.set([energy])
    ProjectFactory(title_nl="Ouder", start_date="2010-01-01", end_date="2011-01-01")
    return {"energy": energy, "health": health}


def test_counts_by_theme_and_category_and_by_country(portfolio):
    from kennisstad.projects.models import Project

    overview = portfolio_overview(Project.objects.all())
    assert overview["total"] == 4
    columns = [c.code for c in overview["categories"]]
    table = {}
    for row in overview["rows"]:
        theme = str(row["theme"]) if row["theme"] else None
        table[theme] = dict(zip(columns, row["counts"], strict=True))
    collaboration, profiling = ProjectCategory.COLLABORATION, ProjectCategory.PROFILING
    assert table["Energie"] == {collaboration: 1, profiling: 1}
    assert table["Healthy Ageing"] == {collaboration: 1, profiling: 0}
    assert table[None] == {collaboration: 2, profiling: 0}
    assert dict(zip(columns, overview["category_totals"], strict=True)) == {
        collaboration: 3,
        profiling: 1,
    }
    assert [(c["code"], c["count"]) for c in overview["by_country"]] == [
        ("DE", 2),
        ("BE", 1),
        ("CN", 1),
    ]


def test_the_page_applies_the_list_filters(client_for, reader, portfolio):
    page = client_for(reader).get(reverse("projects:overview"), {"active_in": 2018})
    assert page.status_code == 200
    assert page.context["overview"]["total"] == 3  # "Ouder" ran in 2010
    html = page.content.decode()
    assert "<svg" in html and "Energie" in html
    assert 'width="360.0"' in html  # the longest bar; numbers in SVG are never localised


def test_the_status_history_names_who_set_it_for_the_team_only(client_for, team_member, reader):
    project = ProjectFactory(status="idea", is_public=True)
    for status in ("planned", "active"):
        project.status = status
        save_project(project=project, user=team_member, expected_version=project.version)
    page = client_for(team_member).get(reverse("projects:project-detail", args=[project.pk]))
    history = page.context["status_history"]
    statuses = [str(change.get_status_display()) for change in history]
    assert statuses[-2:] == ["Gepland", "Actief"]  # Dutch UI
    assert history[-1].changed_by == team_member
    public_view = (
        client_for(reader)
        .get(reverse("projects:project-detail", args=[project.pk]))
        .content.decode()
    )
    assert str(team_member) not in public_view.split("status-heading")[1].split("</section>")[0]
