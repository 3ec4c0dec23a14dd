"""Loads the projects part of the demo through ``save_project``: the project categories (from the
seed migration) and the portfolio of programme 2.1.4, with lead organisations, partners, owners
and themes taken from the lower apps' parts by scenario key."""

from decimal import Decimal
from functools import partial

from kennisstad.core.demo import DemoLoad, seed_rows
from kennisstad.core.services import save_record
from kennisstad.projects.models import Project, ProjectCategory
from kennisstad.projects.services import save_project

from .collaboration import COLLABORATION_PROJECTS
from .profiling import PROFILING_PROJECTS
from .spec import ProjectSpec
from .welcome import WELCOME_PROJECTS

PROJECTS = {**COLLABORATION_PROJECTS, **PROFILING_PROJECTS, **WELCOME_PROJECTS}


def load_categories(demo: DemoLoad) -> None:
    for code, name_nl, name_en in seed_rows(
        "kennisstad.projects.migrations.0002_seed_categories", "CATEGORIES"
    ):
        category = ProjectCategory(code=code, name_nl=name_nl, name_en=name_en)
        demo.refs["categories"][code] = demo.ensure(
            None,
            ProjectCategory,
            {"code": code},
            partial(save_record, instance=category, user=None),
        )


def load_projects(demo: DemoLoad) -> None:
    for key, spec in PROJECTS.items():
        demo.refs["projects"][key] = demo.ensure(
            "projects", Project, {"title_nl": spec.title_nl}, partial(_create, demo, spec)
        )


def _create(demo: DemoLoad, spec: ProjectSpec) -> Project:
    start, end = spec.start, spec.end
    if spec.years_ahead is not None:
        year = demo.today.year + spec.years_ahead
        start = start and start.replace(year=year)
        end = end and end.replace(year=year)
    project = Project(
        title_nl=spec.title_nl,
        title_en=spec.title_en,
        description_nl=spec.description_nl,
        description_en=spec.description_en,
        category=demo.refs["categories"][spec.category],
        status=spec.status,
        start_date=start,
        end_date=end,
        countries=list(spec.countries),
        lead_organisation=demo.ref("organisations", spec.lead),
        owner=demo.refs["users"][spec.owner],
        budget=Decimal(spec.budget) if spec.budget is not None else None,
        outcome_nl=spec.outcome_nl,
        outcome_en=spec.outcome_en,
        is_public=spec.is_public,
    )
    return save_project(
        project=project,
        user=None,
        themes=demo.each("themes", spec.themes),
        partners=[(demo.refs["organisations"][key], role) for key, role in spec.partners],
    )
