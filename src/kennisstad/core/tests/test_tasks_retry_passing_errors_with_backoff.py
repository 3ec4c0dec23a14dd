"""Every background task is retried on a passing error (a connection, the database, a mail
server that is down for now) with exponential backoff and jitter, up to a maximum, and never on
any other error; each attempt is logged as a named event, the finished run with its counts.
In-process (no broker, ``make run``) the retries happen at once in the caller."""

import uuid

import pytest
from django.conf import settings

from kennisstad.core import background
from kennisstad.core.tests.events import listen, logged
from kennisstad.core.tests.flaky_tasks import broken, flaky


def key() -> str:
    return uuid.uuid4().hex


def test_a_task_that_fails_twice_then_succeeds_is_retried_and_its_result_logged(caplog):
    listen(caplog)
    result = flaky.delay(key(), 2)
    assert result.get() == {"attempts": 3}
    retrying = logged(caplog, "task.flaky.retrying")
    assert [event["attempt"] for event in retrying] == [1, 2]
    assert all(event["error"] == "ConnectionError" for event in retrying)
    [finished] = logged(caplog, "task.flaky.finished")
    assert finished["attempts"] == 3 and finished["attempt"] == 3
    assert finished["task"] == "tests.flaky" and finished["duration_ms"] >= 0
    assert logged(caplog, "task.flaky.failed") == []


def test_after_the_last_retry_the_task_fails_and_says_so(caplog):
    listen(caplog)
    with pytest.raises(ConnectionError):
        flaky.delay(key(), 100)
    assert len(logged(caplog, "task.flaky.retrying")) == flaky.max_retries
    [failed] = logged(caplog, "task.flaky.failed")
    assert failed["attempt"] == flaky.max_retries + 1 and failed["error"] == "ConnectionError"


def test_an_error_that_does_not_pass_is_not_retried(caplog):
    listen(caplog)
    with pytest.raises(LookupError):
        broken.delay(key())
    assert logged(caplog, "task.broken.retrying") == []
    [failed] = logged(caplog, "task.broken.failed")
    assert failed["attempt"] == 1 and failed["error"] == "LookupError"


MAILS_ACKNOWLEDGED_WHEN_TAKEN = {
    "indicators.send_delivery_mail",
    "registrations.send_registrant_mail",
}


def test_every_task_has_the_retry_policy():
    from kennisstad.celery import app

    app.loader.import_default_modules()
    ours = [task for name, task in app.tasks.items() if not name.startswith("celery.")]
    assert {task.name for task in ours} >= {
        "agenda.sync_feeds",
        "agenda.sync_feed",
        "agenda.send_digest",
        "relations.purge_expired",
        "workspace.send_reminders",
        "indicators.send_value_reminders",
        "finances.send_grant_reminders",
        "indicators.send_delivery_mail",
    }
    for task in ours:
        # A mail without a sent-log is acknowledged when taken: a worker killed after sending
        # must not have it delivered (and sent) again.
        assert task.acks_late == (task.name not in MAILS_ACKNOWLEDGED_WHEN_TAKEN), task.name
        assert task.retry_backoff and task.retry_jitter, task.name
        assert task.max_retries == settings.KENNISSTAD_TASK_MAX_RETRIES, task.name
        assert set(task.autoretry_for) == set(background.TRANSIENT_ERRORS), task.name


def test_queueing_from_a_request_never_raises(caplog):
    """A failing task (in-process) or an unreachable broker must not break the page that
    queued it: the user's change is already saved."""
    listen(caplog)
    background.enqueue(broken, key())  # in-process: the task's own failure event is the log
    assert logged(caplog, "task.broken.failed")
    assert logged(caplog, "task.enqueue.failed") == []
