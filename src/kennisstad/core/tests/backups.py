"""Helpers of the backup tests: a writer that keeps committing organisations through the service
layer (each with two audit-trail rows, in one transaction), the restore command run as an
operator runs it (a separate process, another database), and backups rewritten on purpose."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tarfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.db import connections, transaction

from kennisstad.relations.models import Organisation, OrganisationKind
from kennisstad.relations.services import save_organisation

PREFIX = "Backup partner"


class Writer(threading.Thread):
    """Commits one organisation after another until stopped: created, then edited, in one
    transaction, so the audit trail holds a '+' and a '~' row for each or nothing at all."""

    def __init__(self, user):
        super().__init__(daemon=True)
        self.user = user
        self.committed: list[int] = []
        self.errors: list[BaseException] = []
        self.halt = threading.Event()

    def run(self) -> None:
        try:
            number = 0
            while not self.halt.is_set():
                with transaction.atomic():
                    organisation = save_organisation(
                        organisation=Organisation(
                            name=f"{PREFIX} {number}",
                            kind=OrganisationKind.KNOWLEDGE_INSTITUTION,
                            country="NL",
                        ),
                        user=self.user,
                    )
                    organisation.city = "Haren"
                    save_organisation(organisation=organisation, user=self.user, expected_version=1)
                self.committed.append(organisation.pk)
                number += 1
        except BaseException as exc:  # reported by the test, not lost in the thread
            self.errors.append(exc)
        finally:
            connections.close_all()

    def wait_for(self, count: int, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while len(self.committed) < count and not self.errors:
            assert time.monotonic() < deadline, f"the writer committed {len(self.committed)}"
            time.sleep(0.01)

    def stop(self) -> None:
        self.halt.set()
        self.join(timeout=120)
        assert not self.is_alive()
        assert self.errors == []


ORGANISATIONS = f"SELECT id FROM relations_organisation WHERE name LIKE '{PREFIX} %' ORDER BY id"
HISTORY = (
    "SELECT id, history_type, history_user_id, version, city, history_date "
    f"FROM relations_historicalorganisation WHERE name LIKE '{PREFIX} %' ORDER BY history_id"
)


def audit_trail(fetch: Callable[[str], list[tuple]]) -> dict[int, list[tuple]]:
    """Each organisation's history rows, as (type, user, version, city, date), in order."""
    trail: dict[int, list[tuple]] = {}
    for pk, kind, user, version, city, when in fetch(HISTORY):
        trail.setdefault(pk, []).append((kind, user, version, city, str(when)))
    return trail


def assert_one_snapshot(
    live: Callable[[str], list[tuple]],
    restored: Callable[[str], list[tuple]],
    *,
    committed_before: list[int],
    committed_in_all: int,
) -> list[int]:
    """The restored database holds every record committed before the backup started, exactly
    the first ones the writer committed (one snapshot: no gap, nothing later), and nothing
    half-written: each with its '+' and '~' audit rows, the same as the live ones."""
    restored_ids = [pk for (pk,) in restored(ORGANISATIONS)]
    assert set(committed_before) <= set(restored_ids)
    assert restored_ids == [pk for (pk,) in live(ORGANISATIONS)][: len(restored_ids)]
    assert len(restored_ids) < committed_in_all
    trail = audit_trail(restored)
    assert set(trail) == set(restored_ids)
    assert all([row[0] for row in rows] == ["+", "~"] for rows in trail.values())
    live_trail = audit_trail(live)
    assert trail == {pk: live_trail[pk] for pk in restored_ids}
    return restored_ids


def run_kennisstad(*arguments: str, **environment: str) -> subprocess.CompletedProcess:
    """``kennisstad ARGUMENTS`` in a new process with the test settings and the given
    DATABASE_URL and KENNISSTAD_VAR_DIR, as an operator runs it."""
    env = {key: value for key, value in os.environ.items() if key != "REDIS_URL"}
    env.update(environment, DJANGO_SETTINGS_MODULE="kennisstad.conf.test")
    return subprocess.run(
        [sys.executable, "-m", "kennisstad", *arguments],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=False,
    )


def rewrite(
    source: Path,
    target: Path,
    *,
    manifest: Callable[[dict[str, Any]], None] = lambda manifest: None,
    member: Callable[[str, bytes], bytes] = lambda name, data: data,
) -> None:
    """Copy a backup, changing its manifest and the contents of its members on the way."""
    with tarfile.open(source, "r:gz") as reading, tarfile.open(target, "w:gz") as writing:
        for info in reading:
            handle = reading.extractfile(info)
            data = handle.read() if handle else b""
            if info.name == "manifest.json":
                content = json.loads(data)
                manifest(content)
                data = json.dumps(content).encode()
            else:
                data = member(info.name, data)
            info.size = len(data)
            writing.addfile(info, io.BytesIO(data))
