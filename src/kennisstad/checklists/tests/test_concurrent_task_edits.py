"""Two people editing one task: the second save is refused with the conflict message (form:
409 with the input kept; API: 412 on a stale If-Match, 409 on a stale ``version``, 428 without
one) and nothing the first saved is overwritten. A moved event also counts as a change."""

import datetime

import pytest
from django.urls import reverse

from kennisstad.checklists.services import apply_template
from kennisstad.delegations.tests.factories import DelegationFactory, at

from .factories import template_with_items

pytestmark = pytest.mark.django_db


@pytest.fixture
def task(team_member):
    delegation = DelegationFactory(
        activity__starts_at=at(2027, 5, 20), activity__ends_at=at(2027, 5, 21)
    )
    checklist = apply_template(
        template=template_with_items((-8,)), user=team_member, delegation=delegation
    )
    return checklist.tasks.get()


def _form(task, owner, title, description=""):
    return {
        "title_nl": title,
        "title_en": "",
        "description": description,
        "owner": owner.pk,
        "due": task.due_on.isoformat(),
        "version": task.version,
    }


def test_the_second_editor_gets_a_conflict(task, team_member, second_team_member, client_for):
    first, second = client_for(team_member), client_for(second_team_member)
    url = reverse("checklists:task-update", args=[task.pk])
    assert 'name="version"' in first.get(url).content.decode()
    response = first.post(url, _form(task, team_member, "Hotel boeken", "belangrijk"))
    assert response.status_code == 302
    response = second.post(url, _form(task, second_team_member, "Iets anders"))
    assert response.status_code == 409
    assert "Dit item is gewijzigd door" in response.content.decode()
    task.refresh_from_db()
    assert (task.title_nl, task.description, task.owner) == (
        "Hotel boeken",
        "belangrijk",
        team_member,
    )
    assert task.version == 2


def test_api_refuses_stale_versions(task, team_member, api_client_for):
    api = api_client_for(team_member)
    url = f"/api/v1/checklist-tasks/{task.pk}/"
    read = api.get(url)
    assert read["ETag"] == '"1"'
    response = api.patch(url, {"title_nl": "Eerste"}, format="json", HTTP_IF_MATCH='"1"')
    assert response.status_code == 200 and response["ETag"] == '"2"'
    response = api.patch(url, {"title_nl": "Tweede"}, format="json", HTTP_IF_MATCH='"1"')
    assert response.status_code == 412
    response = api.patch(url, {"title_nl": "Tweede", "version": 1}, format="json")
    assert response.status_code == 409
    assert api.patch(url, {"title_nl": "Tweede"}, format="json").status_code == 428
    task.refresh_from_db()
    assert task.title_nl == "Eerste"


def test_a_moved_event_is_a_change_the_editor_is_told_of(task, team_member, client_for):
    form = _form(task, team_member, task.title_nl)
    activity = task.checklist.event
    activity.starts_at += datetime.timedelta(days=7)
    activity.ends_at += datetime.timedelta(days=7)
    activity.save()
    url = reverse("checklists:task-update", args=[task.pk])
    assert client_for(team_member).post(url, form).status_code == 409
    task.refresh_from_db()
    assert task.offset_days == -8  # the stale date was not fixed by hand
