"""The personal link changes and cancels once; a tampered or expired link, or one of a cancelled
registration, gets a clear page instead."""

import datetime
import time

import pytest
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from kennisstad.registrations.links import manage_token
from kennisstad.registrations.models import RegistrationStatus

from .factories import RegistrationFactory, RegistrationSettingsFactory, public_activity

pytestmark = pytest.mark.django_db


def manage(token: str) -> str:
    return reverse("registrations:manage", args=[token])


def test_the_link_opens_the_registration_and_saves_changes(client):
    registration = RegistrationFactory(name="Ada")
    token = manage_token(registration)
    assert client.get(manage(token)).status_code == 200
    response = client.post(manage(token), {"name": "Ada Lovelace", "language": "en"})
    assert response.status_code == 200
    registration.refresh_from_db()
    assert registration.name == "Ada Lovelace" and registration.language == "en"


def test_cancelling_works_once(client):
    registration = RegistrationFactory()
    cancel_url = reverse("registrations:cancel", args=[manage_token(registration)])
    assert client.get(cancel_url).status_code == 200
    assert client.post(cancel_url).status_code == 200
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED
    again = client.post(cancel_url)
    assert again.status_code == 410
    assert again.context["reason"] == "used"
    assert client.get(manage(manage_token_of_old(cancel_url))).status_code == 410


def manage_token_of_old(cancel_url: str) -> str:
    return cancel_url.rstrip("/").split("/")[-2]


def test_a_tampered_link_is_refused(client):
    registration = RegistrationFactory()
    token = manage_token(registration)
    forged = signing.dumps({"r": registration.pk + 1, "n": registration.nonce}, salt="other")
    for bad in (token[:-2] + ("AA" if not token.endswith("AA") else "BB"), forged, "x"):
        response = client.get(manage(bad))
        assert response.status_code == 400
        assert response.context["reason"] == "tampered"
    assert client.post(reverse("registrations:cancel", args=[forged])).status_code == 400
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED


def test_an_expired_link_is_refused(client, settings):
    settings.REGISTRATION_LINK_GRACE_DAYS = 10
    end = timezone.now() - datetime.timedelta(days=11)
    activity = public_activity(starts_at=end - datetime.timedelta(hours=2), ends_at=end)
    RegistrationSettingsFactory(activity=activity)
    registration = RegistrationFactory(activity=activity)
    token = manage_token(registration)
    response = client.post(reverse("registrations:cancel", args=[token]))
    assert response.status_code == 410
    assert response.context["reason"] == "expired"
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED


def test_a_link_mailed_long_ago_works_until_the_activity_is_over(client, monkeypatch):
    registration = RegistrationFactory()
    signed_at = time.time() - datetime.timedelta(days=400).total_seconds()
    with monkeypatch.context() as patch:
        patch.setattr(time, "time", lambda: signed_at)
        token = manage_token(registration)
    assert client.get(manage(token)).status_code == 200
