"""Registrations are read-only in the admin."""

import pytest
from django.urls import reverse

from .factories import RegistrationFactory

pytestmark = pytest.mark.django_db


def test_registrations_are_read_only_in_the_admin(client_for, administrator):
    registration = RegistrationFactory(name="Ada")
    web = client_for(administrator)
    assert web.get(reverse("admin:registrations_registration_changelist")).status_code == 200
    response = web.post(
        reverse("admin:registrations_registration_change", args=[registration.pk]),
        {"name": "Anders"},
    )
    assert response.status_code == 403
    registration.refresh_from_db()
    assert registration.name == "Ada"
    assert (
        web.get(reverse("admin:registrations_registrationsettings_changelist")).status_code == 200
    )
