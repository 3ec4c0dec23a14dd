"""SQLite: the online backup API (``sqlite3.Connection.backup``) copies the database in one step,
inside one read transaction. In WAL mode writers go on committing meanwhile and the copy is the
database exactly as it was when the step began: every transaction committed before it, none
after it, nothing half-written. A restore copies back the same way, so a server that still has
the file open sees the old database or the restored one, never a mix."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from django.utils.translation import gettext as _

from .archive import BackupError


def _connect(path: Path, timeout: float) -> sqlite3.Connection:
    connection = sqlite3.connect(str(path), timeout=timeout, isolation_level=None)
    connection.execute(f"PRAGMA busy_timeout={int(timeout * 1000)}")
    return connection


def snapshot(source: Path, target: Path, *, timeout: float) -> None:
    """Copy ``source`` into the new file ``target`` as one consistent snapshot, then make the copy
    self-contained (rollback journal, not WAL) and check it."""
    if not source.is_file():
        raise BackupError(_("There is no database file %(path)s.") % {"path": source})
    with closing(_connect(source, timeout)) as reader, closing(_connect(target, timeout)) as copy:
        try:
            reader.backup(copy, pages=-1)  # one step = one read transaction = one snapshot
        except sqlite3.Error as exc:
            raise BackupError(
                _("SQLite could not copy %(path)s: %(error)s") % {"path": source, "error": exc}
            ) from exc
        copy.execute("PRAGMA journal_mode=DELETE")
    check_integrity(target)


def check_integrity(path: Path) -> None:
    with closing(_connect(path, 5)) as connection:
        result = [row[0] for row in connection.execute("PRAGMA integrity_check")]
    if result != ["ok"]:
        raise BackupError(
            _("The SQLite database %(path)s fails its integrity check: %(problem)s")
            % {"path": path, "problem": "; ".join(result[:5])}
        )


def tables(connection: sqlite3.Connection) -> list[str]:
    rows = connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name"
    )
    return [row[0] for row in rows]


def describe(path: Path) -> tuple[list[list[str]], dict[str, int]]:
    """The applied migrations and the rows of every table, read from the copy itself so the
    manifest describes exactly what the archive holds."""
    with closing(_connect(path, 5)) as connection:
        names = tables(connection)
        if "django_migrations" not in names:
            raise BackupError(
                _("The database has no tables of Kennisstad: run kennisstad migrate first.")
            )
        migrations = [
            [app, name]
            for app, name in connection.execute(
                "SELECT app, name FROM django_migrations ORDER BY id"
            )
        ]
        counts = {
            name: connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
            for name in names
        }
    return migrations, counts


def is_empty(path: Path) -> bool:
    """A database without tables (a new file, or none yet) may be restored into without --force."""
    if not path.exists() or path.stat().st_size == 0:
        return True
    with closing(_connect(path, 5)) as connection:
        return not tables(connection)


def restore(copy: Path, target: Path, *, timeout: float) -> None:
    """Copy the checked ``copy`` over ``target`` with the backup API, in one step under the
    target's write lock; the target keeps its journal mode (WAL)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with closing(_connect(copy, timeout)) as source, closing(_connect(target, timeout)) as live:
        try:
            source.backup(live, pages=-1)
        except sqlite3.Error as exc:
            raise BackupError(
                _("SQLite could not write %(path)s: %(error)s") % {"path": target, "error": exc}
            ) from exc
