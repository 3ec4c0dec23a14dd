"""With a real worker on the real Redis (make test-production): a task that fails twice with a
passing error, then succeeds, is retried with backoff by the worker, and its result is stored
in the result backend and logged (``task.flaky.retrying`` twice, then ``task.flaky.finished``
with the attempts)."""

import uuid

import pytest

from kennisstad.core.tests.flaky_tasks import attempt
from kennisstad.tests.celery_processes import celery_processes, events, wait_for  # noqa: F401

pytestmark = pytest.mark.production


def test_a_task_that_fails_twice_then_succeeds_is_retried_and_its_result_logged(
    celery_processes,  # noqa: F811
):
    from kennisstad.celery import app

    log = celery_processes.start_worker(include="kennisstad.core.tests.flaky_tasks")
    key = uuid.uuid4().hex
    result = app.send_task("tests.flaky", args=[key, 2], queue=celery_processes.queue)
    assert result.get(timeout=30) == {"attempts": 3}
    assert attempt(key) == 4  # three attempts counted in Redis, this is the fourth
    assert result.state == "SUCCESS"
    wait_for(lambda: events(log, "task.flaky.finished"), 10, log)
    retrying = events(log, "task.flaky.retrying")
    assert [event["attempt"] for event in retrying] == [1, 2]
    assert {event["task_id"] for event in retrying} == {result.id}
    [finished] = events(log, "task.flaky.finished")
    assert finished["attempt"] == 3 and finished["attempts"] == 3
    assert finished["task_id"] == result.id
    assert events(log, "task.flaky.failed") == []
