"""A check-in from a page loaded before the registrant cancelled is refused: the service
reads the row again under the activity's lock."""

import pytest
from django.core.exceptions import ValidationError

from kennisstad.registrations import selectors, services
from kennisstad.registrations.models import Registration, RegistrationStatus

from .factories import RegistrationFactory, RegistrationSettingsFactory

pytestmark = pytest.mark.django_db


def test_a_stale_check_in_after_a_cancellation_is_refused(team_member):
    config = RegistrationSettingsFactory()
    registration = RegistrationFactory(activity=config.activity)
    stale = Registration.objects.get(pk=registration.pk)  # the check-in page loaded it
    services.cancel(registration=registration)  # the registrant cancels meanwhile
    with pytest.raises(ValidationError):
        services.check_in(registration=stale, user=team_member)
    stale.refresh_from_db()
    assert stale.status == RegistrationStatus.CANCELLED and stale.checked_in_at is None
    assert selectors.attendance_per_activity([config.activity.pk]) == {}


def test_a_waiting_registrant_is_not_checked_in(team_member):
    config = RegistrationSettingsFactory(capacity=0)
    waiting = RegistrationFactory(activity=config.activity, status="waiting", waiting_position=1)
    with pytest.raises(ValidationError):
        services.check_in(registration=waiting, user=team_member)
