"""Visitors stay counted after the purge deleted the registrations (anonymous counts kept on
the settings row); only confirmed registrations count; 'confirmed' counts ended activities."""

import datetime

import pytest
from django.utils import timezone

from kennisstad.indicators import rules
from kennisstad.registrations import retention

from .factories import RegistrationFactory, RegistrationSettingsFactory, public_activity

pytestmark = pytest.mark.django_db


def _ended_reception(days_ago: int):
    end = timezone.now() - datetime.timedelta(days=days_ago)
    return public_activity(starts_at=end - datetime.timedelta(hours=2), ends_at=end)


def test_visitors_are_still_counted_after_the_purge():
    activity = _ended_reception(40)
    RegistrationSettingsFactory(activity=activity, retention_days=30)
    RegistrationFactory.create_batch(5, activity=activity, checked_in_at=activity.ends_at)
    RegistrationFactory(activity=activity)  # confirmed, did not come
    year = timezone.localtime(activity.starts_at).year
    came = rules.parse_rule({"subject": "attendees", "activity_kind": "reception"})
    confirmed = rules.parse_rule(
        {"subject": "attendees", "activity_kind": "reception", "attendance": "confirmed"}
    )
    before = (rules.count_per_year(came, [year]), rules.count_per_year(confirmed, [year]))
    assert retention.purge_expired() == 6
    assert retention.purge_expired() == 0  # a rerun counts nothing twice
    after = (rules.count_per_year(came, [year]), rules.count_per_year(confirmed, [year]))
    assert before == after == ({year: 5}, {year: 6})


def test_a_cancelled_check_in_is_no_visitor():
    activity = _ended_reception(1)
    RegistrationSettingsFactory(activity=activity)
    RegistrationFactory(activity=activity, status="cancelled", checked_in_at=activity.ends_at)
    rule = rules.parse_rule({"subject": "attendees", "activity_kind": "reception"})
    year = timezone.localtime(activity.starts_at).year
    assert rules.count_per_year(rule, [year]) == {year: 0}


def test_confirmed_counts_only_activities_that_have_ended():
    activity = public_activity()
    RegistrationSettingsFactory(activity=activity)
    RegistrationFactory.create_batch(3, activity=activity)
    rule = rules.parse_rule({"subject": "attendees", "attendance": "confirmed"})
    year = timezone.localtime(activity.starts_at).year
    assert rules.count_per_year(rule, [year]) == {year: 0}
