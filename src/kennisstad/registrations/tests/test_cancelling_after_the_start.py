"""Once the activity has ended the personal link no longer cancels; a place freed once it has
started goes to nobody waiting; someone checked in cannot be cancelled by the team."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from kennisstad.registrations import services
from kennisstad.registrations.links import manage_token
from kennisstad.registrations.models import RegistrationStatus

from .factories import RegistrationFactory, RegistrationSettingsFactory, public_activity

pytestmark = pytest.mark.django_db


def _activity(hours_from_now: float, length: float = 2):
    start = timezone.now() + datetime.timedelta(hours=hours_from_now)
    activity = public_activity(starts_at=start, ends_at=start + datetime.timedelta(hours=length))
    RegistrationSettingsFactory(activity=activity, capacity=1)
    return activity


def test_the_personal_link_cannot_cancel_after_the_activity(client):
    registration = RegistrationFactory(activity=_activity(-72))
    url = reverse("registrations:cancel", args=[manage_token(registration)])
    assert client.get(url).context["error"]  # says so instead of offering the button
    response = client.post(url)
    assert response.status_code == 409
    assert 'role="alert"' in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED


def test_nobody_is_promoted_once_the_activity_has_started(team_member):
    activity = _activity(-1)
    first = RegistrationFactory(activity=activity)
    waiting = RegistrationFactory(activity=activity, status="waiting", waiting_position=1)
    assert services.cancel(registration=first, user=team_member) == []
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.WAITING


def test_the_team_cannot_cancel_someone_checked_in(team_member):
    registration = RegistrationFactory(activity=_activity(-1), checked_in_at=timezone.now())
    with pytest.raises(ValidationError) as refused:
        services.cancel(registration=registration, user=team_member)
    assert refused.value.code == "checked_in"
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED
