"""The public portal links a public activity with open registration to its form; closed or
without registration, no link."""

import pytest
from django.urls import reverse

from .factories import RegistrationSettingsFactory, public_activity

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("page", ["portal:home", "portal:calendar"])
def test_open_registration_is_linked_from_the_portal(client, page):
    open_one = RegistrationSettingsFactory().activity
    closed = RegistrationSettingsFactory(is_open=False).activity
    without = public_activity()
    html = client.get(reverse(page)).content.decode()
    assert reverse("registrations:register", args=[open_one.pk]) in html
    assert reverse("registrations:register", args=[closed.pk]) not in html
    assert reverse("registrations:register", args=[without.pk]) not in html
