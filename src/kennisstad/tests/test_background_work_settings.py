"""Background work is configured by the environment: without a broker tasks run in-process (the
embedded default needs nothing else running); REDIS_URL (or CELERY_BROKER_URL) makes them go to
the queue; each scheduled job's time is a crontab line, a number of seconds or "off", with
sensible defaults in Europe/Amsterdam time."""

import os
import subprocess
import sys

import pytest
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

from kennisstad.conf.background import schedule_from_env

CODE = (
    "import django; django.setup(); from django.conf import settings as s; "
    "from kennisstad.celery import app; "
    "print(app.conf.task_always_eager, app.conf.broker_url, app.conf.result_backend, "
    "app.conf.timezone, sorted(app.conf.beat_schedule))"
)


def celery_settings(**env) -> list[str]:
    environment = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("CELERY_", "KENNISSTAD_SCHEDULE_")) and k != "REDIS_URL"
    }
    environment.update(env, DJANGO_SETTINGS_MODULE="kennisstad.conf.dev")
    result = subprocess.run(
        [sys.executable, "-c", CODE], capture_output=True, text=True, env=environment
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().split(maxsplit=4)


def test_without_a_broker_tasks_run_in_process():
    eager, broker, backend, zone, _jobs = celery_settings()
    assert (eager, broker, backend, zone) == ("True", "memory://", "None", "Europe/Amsterdam")


def test_redis_url_is_the_broker_and_the_result_store():
    eager, broker, backend, _zone, _jobs = celery_settings(REDIS_URL="redis://cache.example:6379/2")
    assert eager == "False"
    assert broker == backend == "redis://cache.example:6379/2"
    eager, broker, backend, _zone, _jobs = celery_settings(
        REDIS_URL="redis://cache.example:6379/2", CELERY_BROKER_URL="redis://queue.example/0"
    )
    assert (broker, backend) == ("redis://queue.example/0", "redis://cache.example:6379/2")


def test_a_job_switched_off_is_not_scheduled():
    *_rest, jobs = celery_settings(KENNISSTAD_SCHEDULE_DIGEST="off")
    assert jobs == (
        "['newsletter-purge', 'newsletter-resume', 'purge-expired', 'send-reminders', 'sync-feeds']"
    )


def test_the_default_times(monkeypatch):
    for name in ("FEEDS", "PURGE", "REMINDERS", "DIGEST"):
        monkeypatch.delenv(f"KENNISSTAD_SCHEDULE_{name}", raising=False)
    from django.conf import settings

    schedule = settings.CELERY_BEAT_SCHEDULE
    assert schedule["sync-feeds"]["schedule"] == crontab(minute="5")
    assert schedule["purge-expired"]["schedule"] == crontab(minute="30", hour="2")
    assert schedule["send-reminders"]["schedule"] == crontab(minute="0", hour="7")
    assert schedule["send-digest"]["schedule"] == crontab(minute="0", hour="7", day_of_week="1")
    assert {entry["task"] for entry in schedule.values()} == {
        "agenda.sync_feeds",
        "privacy.purge_personal_data",
        "workspace.send_reminders",
        "agenda.send_digest",
        "newsletter.resume_sending",
        "newsletter.purge_subscribers",
    }


def test_a_schedule_is_a_crontab_line_seconds_or_off(monkeypatch):
    monkeypatch.setenv("X_SCHEDULE", "15 6 * * 1-5")
    assert schedule_from_env("X_SCHEDULE", "0 0 * * *") == crontab(
        minute="15", hour="6", day_of_week="1-5"
    )
    monkeypatch.setenv("X_SCHEDULE", "900")
    assert schedule_from_env("X_SCHEDULE", "0 0 * * *") == 900.0
    monkeypatch.setenv("X_SCHEDULE", "off")
    assert schedule_from_env("X_SCHEDULE", "0 0 * * *") is None
    for wrong in ("every hour", "61 * * * *", "0", "* * *"):
        monkeypatch.setenv("X_SCHEDULE", wrong)
        with pytest.raises(ImproperlyConfigured, match="X_SCHEDULE"):
            schedule_from_env("X_SCHEDULE", "0 0 * * *")


def test_a_broker_that_is_down_does_not_break_the_page_that_queues():
    """Queueing after a user's change (a mail about it) with the broker unreachable gives up
    within seconds and logs ``task.enqueue.failed``; the caller goes on."""
    code = (
        "import django, time; django.setup(); "
        "from kennisstad.core.background import enqueue; "
        "from kennisstad.relations.tasks import purge_expired_task; "
        "t = time.monotonic(); enqueue(purge_expired_task); "
        "print('seconds', round(time.monotonic() - t, 1))"
    )
    environment = {k: v for k, v in os.environ.items() if not k.startswith("CELERY_")}
    environment.update(
        DJANGO_SETTINGS_MODULE="kennisstad.conf.dev",
        CELERY_BROKER_URL="redis://127.0.0.1:9/0",  # the discard port: nothing listens
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=environment, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert (
        "task.enqueue.failed" in result.stderr and "task=relations.purge_expired" in result.stderr
    )
    assert float(result.stdout.split()[-1]) < 10
