"""The form's limit counts an IPv6 client by its /64 network, counts only posts that pass the
form's checks, and limits each email address too."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from kennisstad.registrations.throttle import client_key

from .factories import RegistrationSettingsFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def url():
    cache.clear()
    config = RegistrationSettingsFactory(capacity=None)
    return reverse("registrations:register", args=[config.activity.pk])


def test_ipv6_clients_count_by_their_64(client, settings, url):
    settings.REGISTRATION_THROTTLE_COUNT = 2
    statuses = [
        client.post(
            url,
            {"name": "x", "email": f"p{n}@example.org", "consent": "on"},
            REMOTE_ADDR=f"2001:db8::{n + 1}",
        ).status_code
        for n in range(3)
    ]
    assert statuses == [200, 200, 429]
    assert client_key("2001:db8::1") == client_key("2001:db8::ffff:1") == "2001:db8::/64"
    assert client_key("192.0.2.1") == "192.0.2.1"


def test_invalid_posts_do_not_count(client, settings, url):
    settings.REGISTRATION_THROTTLE_COUNT = 1
    for _typo in range(3):
        assert client.post(url, {"name": "x", "email": "niet-goed"}).status_code == 400
    valid = {"name": "x", "email": "goed@example.org", "consent": "on"}
    assert client.post(url, valid).status_code == 200


def test_one_email_address_is_limited(client, settings, url):
    settings.REGISTRATION_THROTTLE_COUNT = 0
    settings.REGISTRATION_THROTTLE_EMAIL_COUNT = 2
    form = {"name": "x", "email": "doelwit@example.org", "consent": "on"}
    statuses = [
        client.post(url, form, REMOTE_ADDR=f"192.0.2.{n + 1}").status_code for n in range(3)
    ]
    assert statuses == [200, 200, 429]
