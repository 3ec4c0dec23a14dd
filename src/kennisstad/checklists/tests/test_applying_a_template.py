"""Applying a template copies its tasks onto one delegation or activity, due relative to the
event's first day, owned by the default owner or else whoever applied it."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError

from kennisstad.agenda.tests.factories import ActivityFactory
from kennisstad.checklists.models import Checklist
from kennisstad.checklists.services import apply_template
from kennisstad.delegations.tests.factories import DelegationFactory, at

from .factories import TemplateItemFactory, template_with_items

pytestmark = pytest.mark.django_db


def test_tasks_are_due_relative_to_the_visit_and_owned(team_member, second_team_member):
    delegation = DelegationFactory(
        activity__starts_at=at(2027, 5, 20), activity__ends_at=at(2027, 5, 21)
    )
    template = template_with_items((-42, 0, 7))
    TemplateItemFactory(template=template, offset_days=-3, default_owner=second_team_member)
    checklist = apply_template(template=template, user=team_member, delegation=delegation)
    due = {task.offset_days: (task.due_on, task.owner) for task in checklist.tasks.all()}
    assert due[-42] == (datetime.date(2027, 4, 8), team_member)
    assert due[0] == (datetime.date(2027, 5, 20), team_member)
    assert due[7] == (datetime.date(2027, 5, 27), team_member)
    assert due[-3] == (datetime.date(2027, 5, 17), second_team_member)
    assert checklist.name_nl == template.name_nl
    assert checklist.history.count() == 1


def test_the_first_day_is_the_day_in_the_event_s_own_zone(team_member):
    # 23:30 in Amsterdam on 31 May is 1 June in Tokyo: an activity there counts from 1 June.
    activity = ActivityFactory(
        starts_at=at(2027, 5, 31, 23), ends_at=at(2027, 6, 1, 23), timezone="Asia/Tokyo"
    )
    checklist = apply_template(
        template=template_with_items((0,)), user=team_member, activity=activity
    )
    assert checklist.tasks.get().due_on == datetime.date(2027, 6, 1)


def test_exactly_one_record(team_member):
    delegation = DelegationFactory()
    template = template_with_items()
    with pytest.raises(ValidationError):
        apply_template(template=template, user=team_member)
    with pytest.raises(ValidationError):
        apply_template(
            template=template,
            user=team_member,
            activity=delegation.activity,
            delegation=delegation,
        )
    with pytest.raises(IntegrityError):
        Checklist.objects.create(name_nl="x", activity=delegation.activity, delegation=delegation)


def test_only_the_team_applies(reader, partner_editor):
    template = template_with_items()
    activity = ActivityFactory()
    for user in (reader, partner_editor):
        with pytest.raises(PermissionDenied):
            apply_template(template=template, user=user, activity=activity)


def test_an_inactive_template_is_not_applied(team_member):
    with pytest.raises(ValidationError):
        apply_template(
            template=template_with_items(is_active=False),
            user=team_member,
            activity=ActivityFactory(),
        )
