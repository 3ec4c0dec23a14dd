"""A real ``celery worker`` (and ``celery beat``) for the production tests: subprocesses on the
test database (the test's commits are what they see: use ``transactional_db``) and on the real
Redis of ``REDIS_URL``, on a queue of their own, always stopped at the end of the test.

``start_worker`` waits until the worker says it is ready (a few seconds), failing with its log
when it does not; each process writes its log (JSON lines, ``LOG_FORMAT=json``) to a file the
test reads with ``events``."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection

SRC = Path(__file__).resolve().parents[2]
READY_SECONDS = 30


def database_url() -> str:
    """The test database (pytest-django's, after setup) as a DATABASE_URL for a subprocess."""
    db = connection.settings_dict
    if db["ENGINE"] == "django.db.backends.sqlite3":
        return f"sqlite:///{db['NAME']}"
    credentials = quote(db["USER"] or "", safe="")
    if db.get("PASSWORD"):
        credentials += ":" + quote(db["PASSWORD"], safe="")
    host = f"{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
    return f"postgres://{credentials}@{host}/{db['NAME']}"


@dataclass
class CeleryProcesses:
    """The worker and beat of one test, their shared environment and their log files."""

    redis_url: str
    folder: Path
    queue: str = field(default_factory=lambda: f"kennisstad-test-{uuid.uuid4().hex[:12]}")
    running: list[tuple[subprocess.Popen, Path]] = field(default_factory=list)

    def environment(self, **extra: str) -> dict[str, str]:
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH")])),
            "DJANGO_SETTINGS_MODULE": "kennisstad.conf.test",
            "DATABASE_URL": database_url(),
            "REDIS_URL": self.redis_url,
            "CELERY_BROKER_URL": self.redis_url,
            "CELERY_RESULT_BACKEND": self.redis_url,
            "CELERY_TASK_ALWAYS_EAGER": "false",
            "CELERY_QUEUE": self.queue,
            "KENNISSTAD_TASK_RETRY_BACKOFF": "1",
            "KENNISSTAD_TASK_RETRY_BACKOFF_MAX": "2",
            "LOG_FORMAT": "json",
            "LOG_LEVEL": "INFO",
            # Nothing is scheduled unless the test says so.
            "KENNISSTAD_SCHEDULE_FEEDS": "off",
            "KENNISSTAD_SCHEDULE_PURGE": "off",
            "KENNISSTAD_SCHEDULE_REMINDERS": "off",
            "KENNISSTAD_SCHEDULE_DIGEST": "off",
        }
        env.update(extra)
        return env

    def _start(self, name: str, arguments: list[str], env: dict[str, str]) -> Path:
        log = self.folder / f"{name}.log"
        with log.open("wb") as out:
            process = subprocess.Popen(
                [sys.executable, "-m", "celery", "-A", "kennisstad", *arguments],
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                cwd=self.folder,
                start_new_session=True,
            )
        self.running.append((process, log))
        return log

    def start_worker(self, *, include: str = "", wait: bool = True, **env: str) -> Path:
        """Start the worker; with ``wait=False`` the test starts beat meanwhile and calls
        ``wait_until_ready`` (both take seconds to import everything)."""
        arguments = ["worker", "--pool", "solo", "--queues", self.queue, "--loglevel", "INFO"]
        arguments += ["--hostname", f"{self.queue}@%h", "--without-gossip", "--without-mingle"]
        if include:
            arguments += ["--include", include]
        log = self._start("worker", arguments, self.environment(**env))
        if wait:
            self.wait_until_ready(log)
        return log

    @staticmethod
    def wait_until_ready(log: Path) -> None:
        wait_for(lambda: b" ready." in log.read_bytes(), READY_SECONDS, log)

    def start_beat(self, **env: str) -> Path:
        schedule = self.folder / "beat-schedule"
        arguments = ["beat", "--schedule", str(schedule), "--loglevel", "INFO"]
        log = self._start("beat", arguments, self.environment(**env))
        wait_for(lambda: b"beat: Starting" in log.read_bytes(), READY_SECONDS, log)
        return log

    def stop(self) -> None:
        """Stop every process (TERM, then KILL after a few seconds) and forget the queue."""
        for process, _log in reversed(self.running):
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process, _log in reversed(self.running):
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)
        self.running.clear()
        import redis

        client = redis.Redis.from_url(self.redis_url)
        try:
            for key in client.scan_iter(match=f"*{self.queue}*"):
                client.delete(key)
        finally:
            client.close()


def wait_for(condition, seconds: float, log: Path | None = None) -> None:
    """Poll ``condition`` until it holds; fail (with the process's log) after ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    text = log.read_text(errors="replace")[-4000:] if log else ""
    pytest.fail(f"Not within {seconds} s.\n{text}")


def events(log: Path, name: str) -> list[dict]:
    """The named log events ``name`` a process wrote (JSON lines)."""
    found = []
    for line in log.read_text(errors="replace").splitlines():
        if not line.startswith("{"):
            continue
        try:
            data = json.loads(line)
        except ValueError:
            continue
        if data.get("event") == name:
            found.append(data)
    return found


@pytest.fixture
def celery_processes(transactional_db, tmp_path):
    """Worker and beat for this test, stopped whatever happens; the test process sends its
    tasks to their queue (not in-process)."""
    redis_url = os.environ.get("REDIS_URL")
    if not redis_url:
        pytest.skip("needs REDIS_URL (make test-production)")
    from kennisstad.celery import app

    saved = {key: app.conf[key] for key in ("task_always_eager", "broker_url", "result_backend")}
    app.conf.update(task_always_eager=False, broker_url=redis_url, result_backend=redis_url)
    processes = CeleryProcesses(redis_url=redis_url, folder=tmp_path)
    try:
        yield processes
    finally:
        processes.stop()
        app.conf.update(saved)
