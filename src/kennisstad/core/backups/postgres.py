"""PostgreSQL: ``pg_dump --format=custom`` and ``pg_restore``, connected with the parameters of
``DATABASES`` passed in the environment (the password in PGPASSWORD, never on a command line
where ``ps`` shows it to every user of the machine).

The dump reads a snapshot this module exports from its own REPEATABLE READ transaction, and the
manifest's migrations and row counts are read in that same transaction: they describe exactly
what the dump holds, however many writers commit meanwhile."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connections
from django.utils.translation import gettext as _

from .archive import BackupError

# Connection OPTIONS that libpq also reads from the environment.
LIBPQ_OPTIONS = {
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "sslcrl": "PGSSLCRL",
    "passfile": "PGPASSFILE",
    "service": "PGSERVICE",
    "connect_timeout": "PGCONNECT_TIMEOUT",
    "options": "PGOPTIONS",
    "target_session_attrs": "PGTARGETSESSIONATTRS",
    "application_name": "PGAPPNAME",
}
VERSION = re.compile(r"\(PostgreSQL\) (\d+)(?:\.(\d+))?")


def tool(name: str) -> str:
    """``pg_dump`` or ``pg_restore`` from PG_BIN_DIR, else from PATH."""
    folder = getattr(settings, "PG_BIN_DIR", "")
    found = shutil.which(name, path=folder) if folder else shutil.which(name)
    if not found:
        where = folder or "PATH"
        raise BackupError(
            _(
                "%(tool)s was not found in %(where)s. Install the PostgreSQL client of the "
                "server's version (Debian: postgresql-client) or set PG_BIN_DIR to its folder."
            )
            % {"tool": name, "where": where}
        )
    return found


def tool_version(path: str) -> str:
    output = subprocess.run([path, "--version"], capture_output=True, text=True, check=False)
    match = VERSION.search(output.stdout)
    if not match:
        raise BackupError(
            _("Could not read the version of %(tool)s: %(output)s")
            % {"tool": path, "output": (output.stdout + output.stderr).strip()}
        )
    return f"{match.group(1)}.{match.group(2) or 0}"


def major(version: str) -> int:
    return int(version.split(".")[0])


def client_environment(settings_dict: dict[str, Any]) -> dict[str, str]:
    """The environment for the client tools: this process's, plus the database's parameters."""
    environment = dict(os.environ)
    for key, variable in (
        ("NAME", "PGDATABASE"),
        ("USER", "PGUSER"),
        ("PASSWORD", "PGPASSWORD"),
        ("HOST", "PGHOST"),
        ("PORT", "PGPORT"),
    ):
        if settings_dict.get(key):
            environment[variable] = str(settings_dict[key])
    for option, variable in LIBPQ_OPTIONS.items():
        value = (settings_dict.get("OPTIONS") or {}).get(option)
        if value not in (None, ""):
            environment[variable] = str(value)
    return environment


def _run(command: list[str], environment: dict[str, str], failure: str) -> None:
    result = subprocess.run(command, env=environment, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        detail = result.stderr.strip() or result.stdout.strip()
        raise BackupError(f"{failure}\n{detail}")


def server_version(cursor: Any) -> str:
    cursor.execute("SHOW server_version_num")
    number = int(cursor.fetchone()[0])
    return f"{number // 10000}.{number % 10000}"


def read_tables(connection: Any, cursor: Any) -> dict[str, int]:
    names = connection.introspection.table_names(cursor)
    counts = {}
    for name in names:
        cursor.execute(f"SELECT count(*) FROM {connection.ops.quote_name(name)}")
        counts[name] = cursor.fetchone()[0]
    return counts


def dump(alias: str, target: Path) -> dict[str, Any]:
    """Dump the database into ``target``; returns the manifest's database part."""
    pg_dump = tool("pg_dump")
    dump_version = tool_version(pg_dump)
    connection = connections.create_connection(alias)
    try:
        with connection.cursor() as cursor:
            cursor.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            server = server_version(cursor)
            if major(dump_version) < major(server):
                raise BackupError(
                    _(
                        "pg_dump %(tool)s cannot dump a PostgreSQL %(server)s server; install "
                        "the client of version %(server)s or newer (PG_BIN_DIR)."
                    )
                    % {"tool": dump_version, "server": server}
                )
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot_id = cursor.fetchone()[0]
            counts = read_tables(connection, cursor)
            if "django_migrations" not in counts:
                raise BackupError(
                    _("The database has no tables of Kennisstad: run kennisstad migrate first.")
                )
            cursor.execute("SELECT app, name FROM django_migrations ORDER BY id")
            migrations = [[app, name] for app, name in cursor.fetchall()]
            _run(
                [
                    pg_dump,
                    "--format=custom",
                    "--no-password",
                    f"--snapshot={snapshot_id}",
                    f"--file={target}",
                ],
                client_environment(connection.settings_dict),
                _("pg_dump failed:"),
            )
            cursor.execute("COMMIT")
    finally:
        connection.close()
    return {
        "migrations": migrations,
        "row_counts": counts,
        "server_version": server,
        "pg_dump_version": dump_version,
    }


def table_counts(alias: str) -> dict[str, int]:
    connection = connections[alias]
    with connection.cursor() as cursor:
        return read_tables(connection, cursor)


def is_empty(alias: str) -> bool:
    connection = connections[alias]
    with connection.cursor() as cursor:
        return not connection.introspection.table_names(cursor)


def restore(alias: str, source: Path, *, dumped_with: str, replace: bool) -> None:
    """Restore the dump in one transaction: it all lands, or nothing changes. ``replace`` drops
    the backup's tables first (--clean), for a database that is not empty."""
    pg_restore = tool("pg_restore")
    restore_version = tool_version(pg_restore)
    if major(restore_version) < major(dumped_with):
        raise BackupError(
            _(
                "This backup was written by pg_dump %(dump)s; pg_restore %(tool)s cannot read it. "
                "Install the client of version %(dump)s or newer (PG_BIN_DIR)."
            )
            % {"dump": dumped_with, "tool": restore_version}
        )
    connection = connections[alias]
    settings_dict = connection.settings_dict
    connection.close()  # no lock of ours stands in pg_restore's way
    command = [
        pg_restore,
        "--no-owner",
        "--no-privileges",
        "--single-transaction",
        "--exit-on-error",
        "--no-password",
        f"--dbname={settings_dict['NAME']}",
    ]
    if replace:
        command += ["--clean", "--if-exists"]
    _run([*command, str(source)], client_environment(settings_dict), _("pg_restore failed:"))
