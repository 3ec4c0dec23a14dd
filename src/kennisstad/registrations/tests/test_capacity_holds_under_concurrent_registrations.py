"""200 people register at the same moment for 50 places: exactly 50 are confirmed and 150 wait,
in order; cancelling a confirmed place moves the first waiting person up and mails them. Real
threads with their own connections and commits, on SQLite (the file test database) and on
PostgreSQL (with DATABASE_URL)."""

import threading

import pytest
from django.core import mail
from django.db import connection, connections

from kennisstad.registrations.models import Registration, RegistrationStatus
from kennisstad.registrations.services import cancel, register

from .factories import RegistrationSettingsFactory

pytestmark = pytest.mark.django_db(transaction=True)

PEOPLE = 200
PLACES = 50
# PostgreSQL refuses more than max_connections (100, shared with other test runs): there the 200
# threads share 25 connections, as app servers share a pool; SQLite opens one per thread.
CONNECTIONS = 25 if connection.vendor == "postgresql" else PEOPLE


def register_all_at_once(activity) -> list[Exception]:
    errors: list[Exception] = []
    start = threading.Barrier(PEOPLE)
    pool = threading.BoundedSemaphore(CONNECTIONS)

    def one(number: int) -> None:
        start.wait()
        with pool:
            try:
                register(
                    activity=activity,
                    name=f"Deelnemer {number}",
                    email=f"deelnemer{number}@example.org",
                    consent=True,
                )
            except Exception as exc:  # collected and shown by the assertion
                errors.append(exc)
            finally:
                connections.close_all()

    threads = [threading.Thread(target=one, args=(n,)) for n in range(PEOPLE)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_exactly_the_places_are_confirmed_and_cancelling_promotes_the_first_waiting():
    activity = RegistrationSettingsFactory(capacity=PLACES).activity
    mail.outbox.clear()

    assert register_all_at_once(activity) == []

    registrations = Registration.objects.filter(activity=activity)
    assert registrations.filter(status=RegistrationStatus.CONFIRMED).count() == PLACES
    waiting = registrations.filter(status=RegistrationStatus.WAITING).order_by("waiting_position")
    assert waiting.count() == PEOPLE - PLACES
    assert list(waiting.values_list("waiting_position", flat=True)) == list(
        range(1, PEOPLE - PLACES + 1)
    )
    assert len(mail.outbox) == PEOPLE

    first_waiting = waiting.first()
    leaving = registrations.filter(status=RegistrationStatus.CONFIRMED).first()
    mail.outbox.clear()
    promoted = cancel(registration=leaving)

    assert [r.pk for r in promoted] == [first_waiting.pk]
    first_waiting.refresh_from_db()
    assert first_waiting.status == RegistrationStatus.CONFIRMED
    assert first_waiting.waiting_position is None
    assert registrations.filter(status=RegistrationStatus.CONFIRMED).count() == PLACES
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == sorted([first_waiting.email, leaving.email])  # promoted; cancelled
