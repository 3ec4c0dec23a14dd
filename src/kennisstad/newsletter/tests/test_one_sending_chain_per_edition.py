"""Only one chain of sending tasks runs per edition: it holds the edition's lease in the shared
cache and hands it from batch to batch; a resume (the schedule) or a second task finds it held
and queues or sends nothing; once the lease expired the schedule picks the edition up again."""

import pytest
from django.core import mail

from kennisstad.newsletter import sending, tasks
from kennisstad.newsletter.services import start_sending

from .factories import EditionFactory, SubscriberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def queued(monkeypatch):
    calls = []
    monkeypatch.setattr(tasks, "enqueue", lambda task, *args: calls.append(args))
    monkeypatch.setattr(tasks, "_in_process", lambda: False)  # as with a broker
    return calls


def _edition(team_member, subscribers=3):
    for _ in range(subscribers):
        SubscriberFactory()
    edition = EditionFactory()
    start_sending(edition=edition, user=team_member)  # the first task waits for the commit
    return edition


def test_a_resume_while_a_chain_runs_queues_nothing(team_member, queued, settings):
    settings.NEWSLETTER_BATCH_SIZE = 1
    edition = _edition(team_member)
    tasks.send_edition_batch(edition.pk)  # the chain's first link: takes the lease
    ((edition_id, lease),) = queued
    assert edition_id == edition.pk and lease
    assert tasks.resume_sending() == {"queued": 0}
    assert tasks.send_edition_batch(edition.pk) == {"busy": 1}  # a second chain stops
    assert len(mail.outbox) == 1

    tasks.send_edition_batch(edition.pk, lease)  # the chain's next link goes on
    assert len(mail.outbox) == 2


def test_the_schedule_resumes_an_edition_whose_lease_expired(team_member, queued, settings):
    settings.NEWSLETTER_BATCH_SIZE = 1
    edition = _edition(team_member)
    tasks.send_edition_batch(edition.pk)
    ((_, lease),) = queued
    sending.drop_lease(edition.pk, lease)  # as if it expired: the chain's worker died
    assert tasks.resume_sending() == {"queued": 1}
    tasks.send_edition_batch(edition.pk)  # the new chain takes a new lease
    assert tasks.send_edition_batch(edition.pk, lease) == {"busy": 1}  # the old one stops
