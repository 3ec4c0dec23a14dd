"""Registrations are deleted, with their history, once the activity ended more than its
retention period ago; the nightly task does it and a rerun deletes nothing more."""

import datetime

import pytest
from django.utils import timezone

from kennisstad.registrations.models import Registration
from kennisstad.registrations.tasks import purge_expired_registrations_task

from .factories import RegistrationFactory, RegistrationSettingsFactory, public_activity

pytestmark = pytest.mark.django_db


def ended(days_ago: int):
    end = timezone.now() - datetime.timedelta(days=days_ago)
    return public_activity(starts_at=end - datetime.timedelta(hours=2), ends_at=end)


def test_only_registrations_past_their_retention_go():
    expired = RegistrationSettingsFactory(activity=ended(31), retention_days=30).activity
    kept = RegistrationSettingsFactory(activity=ended(29), retention_days=30).activity
    future = RegistrationSettingsFactory().activity
    for activity in (expired, kept, future):
        RegistrationFactory(activity=activity)
    gone = RegistrationFactory(activity=expired, name="Te verwijderen")
    gone.name = "Gewijzigd"
    gone.save()

    assert purge_expired_registrations_task.delay().get() == {"deleted": 2}

    assert not Registration.objects.filter(activity=expired).exists()
    assert not Registration.history.filter(activity_id=expired.pk).exists()
    assert Registration.objects.filter(activity__in=[kept, future]).count() == 2
    assert purge_expired_registrations_task.delay().get() == {"deleted": 0}
