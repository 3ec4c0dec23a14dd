"""The migration that gives existing projects a status history reads the audit trail: each
status the project had, dated as a change is dated today, by the user who set it."""

import datetime
import importlib

import pytest
from django.apps import apps
from django.utils import timezone

from kennisstad.projects.models import Project, ProjectStatusChange
from kennisstad.projects.selectors import counted_per_year
from kennisstad.projects.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db
D = datetime.date
back_fill = importlib.import_module(
    "kennisstad.projects.migrations.0004_status_history_from_audit_trail"
).back_fill


def history(project: Project) -> list[tuple[str, datetime.date]]:
    return list(project.status_changes.order_by("id").values_list("status", "changed_on"))


def test_the_audit_trail_becomes_the_status_history(team_member):
    today = timezone.localdate()
    project = ProjectFactory(
        status="planned", start_date=D(2016, 3, 1), end_date=D(2017, 12, 31), status_history=False
    )
    project.status = "completed"
    project._history_user = team_member
    project.save()
    untracked = ProjectFactory(status="active", start_date=D(2015, 1, 1), status_history=False)
    untracked.history.all().delete()  # inserted outside the services: no audit trail
    never_ran = ProjectFactory(status="cancelled", end_date=D(2016, 1, 31), status_history=False)
    already = ProjectFactory(status="active")

    back_fill(apps, None)

    # Entered as planned (today), then completed by a team member: dated back, the completion
    # says it ran from its start to its end date, before the day it was entered.
    assert history(project) == [
        ("planned", today),
        ("active", D(2016, 3, 1)),
        ("completed", D(2017, 12, 31)),
    ]
    counted = counted_per_year(Project.objects.all(), period="active", years=range(2015, 2019))
    assert counted == {
        2015: [untracked.pk],
        2016: [project.pk, untracked.pk],
        2017: [project.pk, untracked.pk],
        2018: [untracked.pk, already.pk],
    }
    assert history(untracked) == [("active", D(2015, 1, 1))]
    assert history(never_ran) == [("cancelled", D(2016, 1, 31))]
    assert len(history(already)) == 1  # a project with a history is left alone
    assert ProjectStatusChange.objects.get(project=project, status="completed").changed_by == (
        team_member
    )
    count = ProjectStatusChange.objects.count()
    back_fill(apps, None)
    assert ProjectStatusChange.objects.count() == count
