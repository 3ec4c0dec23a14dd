"""The nightly purge as production runs it (make test-production): celery beat, with its
schedule set by the environment to fire within seconds, sends ``privacy.purge_personal_data`` to the
real Redis; a real worker runs it on the test database and erases exactly the people whose
retention date has passed, keeping everyone else; the run is logged with its counts, and the
next runs find nobody left to erase."""

import datetime

import pytest
from django.utils import timezone

from kennisstad.relations.models import Person
from kennisstad.relations.tests.factories import PersonFactory
from kennisstad.tests.celery_processes import celery_processes, events, wait_for  # noqa: F401

pytestmark = pytest.mark.production


def test_the_purge_run_by_the_scheduler_erases_exactly_the_expired_people(
    celery_processes,  # noqa: F811
):
    today = timezone.localdate()
    expired = [
        PersonFactory(retain_until=today - datetime.timedelta(days=1)),
        PersonFactory(retain_until=today - datetime.timedelta(days=400)),
    ]
    kept = [
        PersonFactory(retain_until=today),  # the last day: not yet past it
        PersonFactory(retain_until=today + datetime.timedelta(days=30)),
        PersonFactory(retain_until=today + datetime.timedelta(days=3000)),
    ]
    kept_names = {person.pk: (person.first_name, person.email) for person in kept}

    log = celery_processes.start_worker(wait=False)
    celery_processes.start_beat(KENNISSTAD_SCHEDULE_PURGE="2")
    celery_processes.wait_until_ready(log)

    def all_expired_erased() -> bool:
        return Person.objects.filter(pk__in=[p.pk for p in expired], erased_at=None).count() == 0

    wait_for(all_expired_erased, 30, log)
    # A second scheduled run finds nobody left to erase.
    wait_for(lambda: len(events(log, "task.purge.finished")) >= 2, 15, log)
    celery_processes.stop()

    for person in Person.objects.filter(pk__in=[p.pk for p in expired]):
        assert person.erased_at is not None
        assert person.first_name == person.last_name == person.email == ""
    for person in Person.objects.filter(pk__in=kept_names):
        assert person.erased_at is None
        assert (person.first_name, person.email) == kept_names[person.pk]
    runs = events(log, "task.purge.finished")
    assert runs[0]["relations_person"] == 2 and runs[0]["failed"] == 0
    assert all(run["relations_person"] == 0 for run in runs[1:])
    assert all(run["task"] == "privacy.purge_personal_data" for run in runs)
    erased_events = events(log, "privacy.person.erased")
    assert sorted(event["person"] for event in erased_events) == sorted(p.pk for p in expired)
