"""Test databases made from a migrated copy instead of by migrating.

Migrating an empty database takes a minute of CPU (Django renders the model state of every
migration step, and every history table points at the user model, so each step re-renders
nearly all of them). Every test process did that for its own database: both xdist workers of
each run, the API run, the browser run, on SQLite and on PostgreSQL. Now the first process
migrates one template per migration set (named by a hash of every migration file and Django's
version; a file lock or an advisory lock lets the others wait for it) and every test database
starts as a copy of it: a file copy on SQLite, ``CREATE DATABASE ... TEMPLATE`` on PostgreSQL.
Django then finds every migration applied and only checks.

The SQLite template lives in ``var/test-templates/``; PostgreSQL's is the database
``kennisstad_template_<hash>`` (an older one is dropped when a new one is made).
"""

import contextlib
import fcntl
import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parents[3]
PACKAGE = ROOT / "src" / "kennisstad"
TEMPLATE_PREFIX = "kennisstad_template_"


def migration_key() -> str:
    digest = hashlib.sha256(django.get_version().encode())
    for path in sorted(PACKAGE.glob("*/migrations/*.py")):
        digest.update(path.relative_to(PACKAGE).as_posix().encode() + path.read_bytes())
    return digest.hexdigest()[:16]


def prepare(settings_dict: dict, test_name: str) -> bool:
    """Put a migrated copy where the test database goes; False when this engine has none."""
    engine = settings_dict["ENGINE"]
    if engine == "django.db.backends.sqlite3" and test_name and "memory" not in test_name:
        copy_sqlite_template(Path(test_name))
        return True
    if engine == "django.db.backends.postgresql":
        _prepare_postgresql(settings_dict, test_name)
        return True
    return False


def _migrate(database_url: str) -> None:
    """``kennisstad migrate`` into the template, in a process of its own (this one's settings
    already point at the test database)."""
    environment = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "kennisstad.conf.test",
    }
    subprocess.run(
        [sys.executable, "-m", "kennisstad", "migrate", "--verbosity", "0"],
        env=environment,
        check=True,
        cwd=ROOT,
    )


# --- SQLite -------------------------------------------------------------------------------


def copy_sqlite_template(target: Path) -> None:
    """``target`` becomes a migrated database (the benchmarks use this too)."""
    template = ROOT / "var" / "test-templates" / f"{migration_key()}.sqlite3"
    template.parent.mkdir(parents=True, exist_ok=True)
    with open(template.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # one process migrates, the others wait for it
        if not template.exists():
            partial = template.with_suffix(f".{os.getpid()}.partial")
            partial.unlink(missing_ok=True)
            _migrate(f"sqlite:///{partial}")
            _copy_sqlite(partial, template)  # the backup API: no WAL file left behind
            for suffix in ("", "-wal", "-shm"):
                Path(f"{partial}{suffix}").unlink(missing_ok=True)
            for old in template.parent.glob("*.sqlite3"):
                if old != template:
                    old.unlink(missing_ok=True)
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    _copy_sqlite(template, target)


def _copy_sqlite(source: Path, target: Path) -> None:
    with (
        contextlib.closing(sqlite3.connect(source)) as src,
        contextlib.closing(sqlite3.connect(target)) as dst,
    ):
        src.backup(dst)


# --- PostgreSQL ---------------------------------------------------------------------------


def _prepare_postgresql(settings_dict: dict, test_name: str) -> None:
    from psycopg import sql

    template = f"{TEMPLATE_PREFIX}{migration_key()}"
    with _maintenance(settings_dict) as db:
        db.execute("SELECT pg_advisory_lock(hashtext('kennisstad-test-template'))")
        try:  # one copy at a time: a template may have no other connection while it is copied
            exists = db.execute("SELECT 1 FROM pg_database WHERE datname = %s", [template])
            if exists.fetchone() is None:
                _make_postgresql_template(db, settings_dict, template)
            db.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(test_name)))
            db.execute(
                sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                    sql.Identifier(test_name), sql.Identifier(template)
                )
            )
        finally:
            db.execute("SELECT pg_advisory_unlock(hashtext('kennisstad-test-template'))")


def _maintenance(settings_dict: dict):
    """A connection to the server's ``postgres`` database, as the test settings' user."""
    import psycopg

    params = {
        "host": settings_dict.get("HOST"),
        "port": settings_dict.get("PORT"),
        "user": settings_dict.get("USER"),
        "password": settings_dict.get("PASSWORD"),
    }
    given = {key: value for key, value in params.items() if value}
    return psycopg.connect(dbname="postgres", autocommit=True, **given)


def _make_postgresql_template(db, settings_dict: dict, template: str) -> None:
    from psycopg import sql

    old = db.execute(
        "SELECT datname FROM pg_database WHERE datname LIKE %s", [f"{TEMPLATE_PREFIX}%"]
    ).fetchall()
    for (name,) in old:
        db.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
    partial = f"{template}_partial"
    db.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(partial)))
    db.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(partial)))
    user = settings_dict.get("USER") or ""
    password = f":{settings_dict['PASSWORD']}" if settings_dict.get("PASSWORD") else ""
    credentials = f"{user}{password}@" if user else ""
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = f":{settings_dict['PORT']}" if settings_dict.get("PORT") else ""
    _migrate(f"postgres://{credentials}{host}{port}/{partial}")
    db.execute(
        sql.SQL("ALTER DATABASE {} RENAME TO {}").format(
            sql.Identifier(partial), sql.Identifier(template)
        )
    )


def drop_postgresql(settings_dict: dict, test_name: str) -> None:
    """The test database made from the template (kept by Django as ``keepdb``), dropped at the
    end of the run."""
    from psycopg import sql

    with _maintenance(settings_dict) as db:
        db.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(test_name))
        )
