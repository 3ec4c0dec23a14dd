"""Deleting an activity (or its registration settings) leaves no registrant in the history."""

import pytest

from kennisstad.agenda.services import delete_activity
from kennisstad.registrations import retention
from kennisstad.registrations.models import Registration

from .factories import RegistrationFactory, RegistrationSettingsFactory

pytestmark = pytest.mark.django_db


def test_deleting_the_activity_deletes_the_registrations_history(team_member):
    config = RegistrationSettingsFactory()
    activity = config.activity
    RegistrationFactory(activity=activity, email="geheim@example.org")
    activity.refresh_from_db()
    delete_activity(activity=activity, user=team_member, expected_version=activity.version)
    assert not Registration.history.filter(email="geheim@example.org").exists()


def test_deleting_the_settings_deletes_the_registrations_history():
    config = RegistrationSettingsFactory()
    RegistrationFactory(activity=config.activity, email="geheim@example.org")
    config.delete()
    assert not Registration.objects.filter(email="geheim@example.org").exists()
    assert not Registration.history.filter(email="geheim@example.org").exists()


def test_the_purge_removes_history_of_activities_that_are_gone():
    config = RegistrationSettingsFactory()
    registration = RegistrationFactory(activity=config.activity, email="wees@example.org")
    history = Registration.history.model.objects
    history.filter(id=registration.pk).update(activity_id=987654)
    retention.purge_expired()
    assert not Registration.history.filter(email="wees@example.org").exists()
