"""Nobody passes the waiting list: a newcomer waits while anyone waits, and a place freed by
an erasure or any other deletion goes to the first person waiting."""

import pytest

from kennisstad.registrations import services
from kennisstad.registrations.models import RegistrationStatus
from kennisstad.registrations.personal_data import erase_registrations
from kennisstad.relations.tests.factories import PersonFactory

from .factories import RegistrationFactory, RegistrationSettingsFactory

pytestmark = pytest.mark.django_db


def test_a_newcomer_waits_behind_people_waiting():
    config = RegistrationSettingsFactory(capacity=2)
    RegistrationFactory(activity=config.activity)
    waiting = RegistrationFactory(activity=config.activity, status="waiting", waiting_position=1)
    outcome = services.register(
        activity=config.activity,
        name="Nieuw",
        email="nieuw@example.org",
        consent=True,
        notify=False,
    )
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.CONFIRMED
    assert outcome.kind == "waiting"


def test_an_erasure_gives_the_place_to_the_first_waiting():
    config = RegistrationSettingsFactory(capacity=1)
    person = PersonFactory(email="Jan@Example.org")
    RegistrationFactory(activity=config.activity, email="jan@example.org")
    waiting = RegistrationFactory(activity=config.activity, status="waiting", waiting_position=1)
    erase_registrations([person], [])
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.CONFIRMED
