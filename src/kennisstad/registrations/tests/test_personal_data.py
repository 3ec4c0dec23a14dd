"""Registrations are personal data: the export of a contact shows them (matched by any of the
contact's addresses) and the erasure leaves no trace of them, also not in the history."""

import datetime

import pytest

from kennisstad.registrations.models import Registration
from kennisstad.registrations.services import cancel, check_in, register
from kennisstad.relations.models import Person
from kennisstad.relations.personal_data import collect
from kennisstad.relations.services import erase_person, save_person
from kennisstad.relations.tests.test_erasure_leaves_no_trace import traces_left

from .factories import RegistrationSettingsFactory

pytestmark = pytest.mark.django_db

FIRST, LAST = "Wilhelmina", "Oosterbroek-Zandvoort"
OLD_EMAIL = "mina.oosterbroek@old-example.nl"
EMAIL = "w.oosterbroek@zandvoort-example.nl"


@pytest.fixture
def contact(team_member):
    person = save_person(
        person=Person(
            first_name=FIRST,
            last_name=LAST,
            email=OLD_EMAIL,
            lawful_basis="consent",
            retain_until=datetime.date(2030, 1, 1),
        ),
        user=team_member,
    )
    person.email = EMAIL
    return save_person(person=person, user=team_member, expected_version=person.version)


@pytest.fixture
def registrations(contact, team_member):
    first = RegistrationSettingsFactory().activity
    second = RegistrationSettingsFactory().activity
    linked = register(activity=first, name=f"{FIRST} {LAST}", email=EMAIL.upper(), consent=True)
    old = register(activity=second, name=f"{FIRST} {LAST}", email=OLD_EMAIL, consent=True)
    check_in(registration=linked.registration, user=team_member)
    cancel(registration=old.registration)
    register(activity=second, name=f"{FIRST} {LAST}", email=OLD_EMAIL, consent=True)
    return linked.registration


def test_a_registration_with_the_contacts_address_is_linked(registrations, contact):
    assert registrations.person == contact


def test_the_export_shows_every_registration(registrations, contact):
    (section,) = [s for s in collect(contact) if s["key"] == "registrations"]
    assert len(section["rows"]) == 3
    assert {row["email"] for row in section["rows"]} == {EMAIL, OLD_EMAIL}


def test_erasure_leaves_no_trace_of_the_registrations(registrations, contact, team_member):
    assert any(entry.startswith("registrations_") for entry in traces_left())
    erase_person(person=contact, user=team_member, reason="Verzoek per mail")
    assert not Registration.objects.exists()
    assert not Registration.history.exists()
    assert traces_left() == []
