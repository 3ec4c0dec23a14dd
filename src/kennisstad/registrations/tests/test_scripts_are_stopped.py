"""A honeypot field and a limit per client address stop scripts; no third-party captcha."""

import pytest
from django.urls import reverse

from kennisstad.registrations.models import Registration

from .factories import RegistrationSettingsFactory

pytestmark = pytest.mark.django_db


def test_a_filled_honeypot_registers_nothing_but_looks_the_same(client):
    activity = RegistrationSettingsFactory().activity
    response = client.post(
        reverse("registrations:register", args=[activity.pk]),
        {"name": "Bot", "email": "bot@example.org", "consent": "on", "website": "http://spam"},
    )
    assert response.status_code == 200
    assert response.context["outcome"] == "received"
    assert not Registration.objects.exists()


def test_the_honeypot_is_hidden_from_people_and_assistive_technology(client):
    activity = RegistrationSettingsFactory().activity
    page = client.get(reverse("registrations:register", args=[activity.pk])).content.decode()
    assert "<div hidden>" in page and 'name="website"' in page


def test_one_address_is_limited_others_are_not(client, settings):
    settings.REGISTRATION_THROTTLE_COUNT = 3
    activity = RegistrationSettingsFactory().activity
    url = reverse("registrations:register", args=[activity.pk])
    statuses = [
        client.post(
            url,
            {"name": f"P {n}", "email": f"p{n}@example.org", "consent": "on"},
            REMOTE_ADDR="192.0.2.10",
        ).status_code
        for n in range(4)
    ]
    assert statuses == [200, 200, 200, 429]
    other = client.post(
        url, {"name": "Q", "email": "q@example.org", "consent": "on"}, REMOTE_ADDR="192.0.2.11"
    )
    assert other.status_code == 200
    assert Registration.objects.count() == 4
