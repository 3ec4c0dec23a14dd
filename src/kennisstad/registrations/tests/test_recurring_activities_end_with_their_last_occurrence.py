"""A recurring activity is over when its last occurrence ends: registration stays open, the
purge waits and the personal link works until then; a series without an end cannot get
registration."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from kennisstad.registrations import retention, selectors, services
from kennisstad.registrations.links import manage_token
from kennisstad.registrations.models import RegistrationSettings

from .factories import RegistrationFactory, RegistrationSettingsFactory, public_activity

pytestmark = pytest.mark.django_db


def _weekly_series(first_days_ago: int, rule: str = "FREQ=WEEKLY;COUNT=52"):
    start = timezone.now() - datetime.timedelta(days=first_days_ago)
    activity = public_activity(
        starts_at=start, ends_at=start + datetime.timedelta(hours=2), rrule=rule
    )
    activity.refresh_from_db()
    return activity


def test_a_running_series_stays_open_unpurged_and_its_link_works(client):
    activity = _weekly_series(100)
    config = RegistrationSettingsFactory(activity=activity, retention_days=30)
    registration = RegistrationFactory(activity=activity)
    assert services.refusal(config, timezone.now()) is None
    assert selectors.open_for_registration([activity.pk]) == {activity.pk}
    assert retention.purge_expired() == 0
    assert (
        client.get(reverse("registrations:manage", args=[manage_token(registration)])).status_code
        == 200
    )


def test_registration_cannot_be_opened_on_an_open_ended_series(team_member):
    activity = _weekly_series(1, rule="FREQ=WEEKLY")
    config = RegistrationSettings(activity=activity, consent_text_nl="Kort bewaard.")
    with pytest.raises(ValidationError) as refused:
        services.save_settings(config=config, user=team_member)
    assert refused.value.code == "open_ended"
    assert not RegistrationSettings.objects.exists()
