"""The nightly purge task (in-process here; ``test_the_scheduled_purge_erases_exactly_the_expired``
runs it through beat and a real worker) erases those past their retention date, keeps the
others, logs the run with its counts, and a rerun erases nobody."""

import datetime

import pytest
from django.utils import timezone

from kennisstad.core.tests.events import listen, logged
from kennisstad.relations.models import Person
from kennisstad.relations.tasks import purge_expired_task
from kennisstad.relations.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def test_the_purge_task_erases_exactly_the_expired(caplog, django_capture_on_commit_callbacks):
    today = timezone.localdate()
    expired = PersonFactory(retain_until=today - datetime.timedelta(days=1))
    kept = PersonFactory(retain_until=today)
    listen(caplog)
    with django_capture_on_commit_callbacks(execute=True):
        assert purge_expired_task.delay().get() == {"erased": 1, "failed": 0}
        assert purge_expired_task.delay().get() == {"erased": 0, "failed": 0}
    assert Person.objects.get(pk=expired.pk).erased_at is not None
    assert Person.objects.get(pk=kept.pk).erased_at is None
    assert [event["erased"] for event in logged(caplog, "task.purge.finished")] == [1, 0]
