"""When the event moves, due dates that follow it move along; a date set by hand stays."""

import datetime

import pytest

from kennisstad.checklists.services import apply_template, follow_all_events, save_task
from kennisstad.delegations.tests.factories import DelegationFactory, at

from .factories import template_with_items

pytestmark = pytest.mark.django_db


def test_moving_the_visit_moves_the_following_tasks_only(team_member):
    delegation = DelegationFactory(
        activity__starts_at=at(2027, 5, 20), activity__ends_at=at(2027, 5, 21)
    )
    checklist = apply_template(
        template=template_with_items((-14, 7)), user=team_member, delegation=delegation
    )
    by_hand = checklist.tasks.get(offset_days=7)
    save_task(
        task=by_hand,
        user=team_member,
        due_on=datetime.date(2027, 6, 1),
        expected_version=by_hand.version,
    )
    activity = delegation.activity
    activity.starts_at, activity.ends_at = at(2027, 6, 10), at(2027, 6, 11)
    activity.save()
    tasks = {task.title_nl: task for task in checklist.tasks.all()}
    assert tasks["Taak -14"].due_on == datetime.date(2027, 5, 27)
    assert tasks["Taak +7"].due_on == datetime.date(2027, 6, 1)
    assert tasks["Taak +7"].offset_days is None


def test_the_nightly_run_catches_writes_without_a_signal(team_member):
    delegation = DelegationFactory(
        activity__starts_at=at(2027, 5, 20), activity__ends_at=at(2027, 5, 21)
    )
    checklist = apply_template(
        template=template_with_items((-1,)), user=team_member, delegation=delegation
    )
    type(delegation.activity).objects.filter(pk=delegation.activity.pk).update(
        starts_at=at(2027, 5, 25), ends_at=at(2027, 5, 26)
    )
    assert follow_all_events() == 1
    assert checklist.tasks.get().due_on == datetime.date(2027, 5, 24)


def test_a_due_date_equal_to_the_computed_one_keeps_following(team_member):
    delegation = DelegationFactory(
        activity__starts_at=at(2027, 5, 20), activity__ends_at=at(2027, 5, 21)
    )
    checklist = apply_template(
        template=template_with_items((-14,)), user=team_member, delegation=delegation
    )
    task = checklist.tasks.get()
    save_task(task=task, user=team_member, due_on=task.due_on, expected_version=task.version)
    task.refresh_from_db()
    assert task.offset_days == -14
