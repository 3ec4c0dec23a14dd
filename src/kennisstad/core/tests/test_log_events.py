"""Named log events are ready for a log collector: with LOG_FORMAT=json each record is one JSON
object on one line with the event's fields as keys (and an exception's traceback); an event
written on commit is dropped when the transaction rolls back."""

import json
import logging
import os
import subprocess
import sys
from types import SimpleNamespace

import pytest
from django.db import transaction

from kennisstad.core.events import JsonFormatter, log_event, log_event_on_commit
from kennisstad.core.tests.events import listen, logged


def formatted(record) -> str:
    return JsonFormatter().format(record)


def test_an_event_is_one_json_object_on_one_line(caplog):
    listen(caplog)
    log_event("import.spreadsheet", kind="people", created=3, note="twee\nregels")
    line = formatted(caplog.records[-1])
    assert "\n" not in line
    data = json.loads(line)
    assert data["event"] == "import.spreadsheet"
    assert data["actor"] == "system"
    assert data["kind"] == "people" and data["created"] == 3
    assert data["level"] == "INFO" and data["logger"] == "kennisstad.events"
    assert data["time"] and data["message"].startswith("import.spreadsheet ")


def test_the_actor_is_a_user_number_never_a_name_or_address(caplog):
    user = SimpleNamespace(
        pk=12, is_authenticated=True, username="j.jansen", email="j.jansen@groningen.example"
    )
    listen(caplog)
    log_event("publication.project.published", user=user, project=7)
    line = formatted(caplog.records[-1])
    assert json.loads(line)["actor"] == "user:12"
    assert "jansen" not in line
    log_event("feed.sync.started", user=SimpleNamespace(pk=3, is_authenticated=False), feed=1)
    assert json.loads(formatted(caplog.records[-1]))["actor"] == "system"


def test_nested_counts_and_odd_values_stay_json(caplog):
    listen(caplog)
    log_event("privacy.person.erased", scrubbed_by_app={"agenda": 2}, when=object())
    data = json.loads(formatted(caplog.records[-1]))
    assert data["scrubbed_by_app"] == {"agenda": 2}
    assert isinstance(data["when"], str)


def test_an_exception_is_included(caplog):
    listen(caplog)
    try:
        raise ValueError("kapot")
    except ValueError:
        logging.getLogger("kennisstad.events").exception("sync failed")
    data = json.loads(formatted(caplog.records[-1]))
    assert data["level"] == "ERROR"
    assert "ValueError: kapot" in data["exception"] and "Traceback" in data["exception"]


def test_a_failure_is_written_at_the_level_asked(caplog):
    listen(caplog)
    log_event("feed.sync.failed", level=logging.WARNING, feed=1, error="OSError")
    assert caplog.records[-1].levelname == "WARNING"
    assert json.loads(formatted(caplog.records[-1]))["level"] == "WARNING"


@pytest.mark.django_db
def test_an_event_on_commit_waits_for_the_commit(caplog, django_capture_on_commit_callbacks):
    listen(caplog)
    with django_capture_on_commit_callbacks(execute=True):
        log_event_on_commit("relations.person.merged", kept=1, merged=2)
        assert logged(caplog) == []
    assert logged(caplog, "relations.person.merged") == [
        {"event": "relations.person.merged", "actor": "system", "kept": 1, "merged": 2}
    ]


@pytest.mark.django_db
def test_a_rolled_back_action_logs_nothing(caplog, django_capture_on_commit_callbacks):
    listen(caplog)
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                log_event_on_commit("relations.person.merged", kept=1, merged=2)
                raise RuntimeError("conflict")
        except RuntimeError:
            pass
    assert logged(caplog) == []


def test_log_format_json_writes_json_lines_to_the_console():
    """The whole path, as a server would start: settings, logging config, an event, an error."""
    code = (
        "import django, logging; django.setup();"
        "from kennisstad.core.events import log_event;"
        "log_event('feed.sync.finished', feed=4, outcome='ok', created=2);"
        "logging.getLogger('kennisstad').info('plain message')"
    )
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "kennisstad.conf.test"}
    environment["LOG_FORMAT"] = "json"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=environment
    )
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stderr.splitlines()]
    assert lines[0]["event"] == "feed.sync.finished"
    assert (lines[0]["feed"], lines[0]["outcome"], lines[0]["created"]) == (4, "ok", 2)
    assert lines[1]["message"] == "plain message" and "event" not in lines[1]
