"""The two operations the commands offer: write a backup, restore one. Every check that can refuse
a restore (wrong file, other engine, a newer schema, a database that is not empty) runs before
anything is changed."""

from __future__ import annotations

import datetime
import logging
import shutil
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import django
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.db import connections
from django.db.migrations.loader import MigrationLoader
from django.utils.translation import gettext as _

from kennisstad import __version__

from .. import generations
from ..events import log_event
from . import postgres, sqlite
from .archive import (
    DATABASE_MEMBERS,
    ENGINE_NAMES,
    FORMAT,
    FORMAT_VERSION,
    BackupError,
    check_writable,
    copy_media,
    read_manifest,
    sha256_of,
    unpack,
    work_folder,
    write_archive,
)


@dataclass
class BackupReport:
    path: Path
    engine: str
    tables: int
    rows: int
    media_files: int
    size: int


@dataclass
class RestoreReport:
    path: Path
    engine: str
    created_at: str
    kennisstad_version: str
    tables: int
    rows: int
    media_files: int
    pending_migrations: list[str] = field(default_factory=list)


def engine_of(alias: str) -> str:
    vendor = connections[alias].vendor
    if vendor not in DATABASE_MEMBERS:
        raise BackupError(
            _("Backups support SQLite and PostgreSQL, not %(vendor)s.") % {"vendor": vendor}
        )
    return vendor


def _sqlite_path(alias: str) -> Path:
    return Path(connections[alias].settings_dict["NAME"])


def _write(destination: Path, engine: str, alias: str) -> dict[str, Any]:
    """Snapshot the database, copy the media, write the archive; returns its manifest."""
    with work_folder(destination.parent) as work:
        database = work / DATABASE_MEMBERS[engine]
        if engine == "sqlite":
            sqlite.snapshot(_sqlite_path(alias), database, timeout=settings.DB_BUSY_TIMEOUT)
            migrations, counts = sqlite.describe(database)
            details: dict[str, Any] = {"sqlite_version": sqlite3.sqlite_version}
        else:
            details = postgres.dump(alias, database)
            migrations, counts = details.pop("migrations"), details.pop("row_counts")
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "engine": engine,
            "created_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
            "kennisstad_version": __version__,
            "django_version": django.get_version(),
            "database": {
                "member": database.name,
                "sha256": sha256_of(database),
                "bytes": database.stat().st_size,
                **details,
            },
            "migrations": migrations,
            "row_counts": counts,
            # Copied after the database snapshot: a file uploaded meanwhile may come along
            # without its record, which is harmless.
            "media": copy_media(Path(settings.MEDIA_ROOT), work / "media"),
        }
        write_archive(destination, manifest, database, work / "media", work)
    return manifest


def _check_destination(destination: Path) -> None:
    check_writable(destination)
    media_root = Path(settings.MEDIA_ROOT).absolute()
    if destination.parent == media_root or media_root in destination.parents:
        raise BackupError(
            _("Write the backup outside MEDIA_ROOT (%(path)s): it would contain itself.")
            % {"path": media_root}
        )


def create_backup(destination: Path | str, *, alias: str = "default") -> BackupReport:
    """Write the database and MEDIA_ROOT into ``destination`` (replaced only when complete)."""
    destination = Path(destination).absolute()
    started = time.monotonic()
    try:
        _check_destination(destination)
        engine = engine_of(alias)
        manifest = _write(destination, engine, alias)
    except OSError as exc:  # a full disk, a file vanishing: the old backup stays as it was
        log_event("backup.failed", level=logging.WARNING, step="backup", error=type(exc).__name__)
        raise BackupError(
            _("Could not write the backup %(path)s: %(error)s")
            % {"path": destination, "error": exc}
        ) from exc
    except BackupError as exc:
        log_event("backup.failed", level=logging.WARNING, step="backup", error=type(exc).__name__)
        raise
    counts = manifest["row_counts"]
    report = BackupReport(
        destination,
        engine,
        len(counts),
        sum(counts.values()),
        len(manifest["media"]),
        destination.stat().st_size,
    )
    log_event(
        "backup.created",
        engine=engine,
        tables=report.tables,
        rows=report.rows,
        media_files=report.media_files,
        bytes=report.size,
        duration_ms=round((time.monotonic() - started) * 1000),
    )
    return report


def check_migrations(manifest: dict[str, Any]) -> list[str]:
    """Refuse a backup of a newer schema (migrations this code does not have: it would run on
    tables it does not know); returns the migrations this code has that the backup lacks, which
    ``kennisstad migrate`` applies after the restore."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    applied = {(app, name) for app, name in manifest["migrations"]}
    unknown = sorted(applied - set(loader.disk_migrations))
    if unknown:
        names = ", ".join(f"{app}.{name}" for app, name in unknown[:10])
        raise BackupError(
            _(
                "This backup comes from a newer Kennisstad (%(version)s): it has migrations this "
                "installation does not know (%(names)s). Install that version or newer, then "
                "restore."
            )
            % {"version": manifest.get("kennisstad_version"), "names": names}
        )
    pending = {key for key in loader.graph.nodes if key not in applied}
    for key, migration in loader.replacements.items():
        if all(tuple(replaced) in applied for replaced in migration.replaces):
            pending.discard(key)
    return sorted(f"{app}.{name}" for app, name in pending)


def _refuse_other_engine(manifest: dict[str, Any], engine: str) -> None:
    if manifest.get("engine") != engine:
        raise BackupError(
            _(
                "This backup holds a database of %(theirs)s; this Kennisstad uses %(ours)s. "
                "Restore it with DATABASE_URL naming a %(theirs)s database."
            )
            % {
                "theirs": ENGINE_NAMES.get(manifest.get("engine", ""), manifest.get("engine")),
                "ours": ENGINE_NAMES[engine],
            }
        )


def _refuse_non_empty(engine: str, alias: str, media_root: Path) -> None:
    """Without --force a restore never overwrites anything: tables or uploaded files."""
    empty = sqlite.is_empty(_sqlite_path(alias)) if engine == "sqlite" else postgres.is_empty(alias)
    if not empty:
        raise BackupError(
            _(
                "The database is not empty. Restore into a new, empty database, or add --force "
                "to replace its contents with the backup."
            )
        )
    if media_root.is_dir() and any(path.is_file() for path in media_root.rglob("*")):
        raise BackupError(
            _(
                "MEDIA_ROOT (%(path)s) holds files. Restore into an empty folder, or add --force "
                "to replace them with the backup's."
            )
            % {"path": media_root}
        )


def _compare_counts(expected: dict[str, int], found: dict[str, int], restored: bool) -> None:
    wrong = [
        f"{table}: {rows} → {found.get(table)}"
        for table, rows in sorted(expected.items())
        if found.get(table) != rows
    ]
    if wrong:
        message = (
            _("The restored database differs from the backup's manifest: %(tables)s")
            if restored
            else _(
                "The backup's database differs from its manifest; nothing was restored: %(tables)s"
            )
        )
        raise BackupError(message % {"tables": "; ".join(wrong[:10])})


def _replace_media(staging: Path, media_root: Path) -> None:
    """Empty MEDIA_ROOT and move the restored files in (its contents, not the folder: it may be
    a mount point)."""
    media_root.mkdir(parents=True, exist_ok=True)
    for child in list(media_root.iterdir()):
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()
    if staging.is_dir():
        for child in list(staging.iterdir()):
            shutil.move(str(child), media_root / child.name)


def _put_back(source: Path, manifest: dict[str, Any], engine: str, alias: str, force: bool) -> None:
    """Unpack and check every member, then replace the database, then MEDIA_ROOT."""
    media_root = Path(settings.MEDIA_ROOT).absolute()
    if not force:
        _refuse_non_empty(engine, alias, media_root)
    media_root.parent.mkdir(parents=True, exist_ok=True)
    with work_folder(media_root.parent) as work:
        database = work / DATABASE_MEMBERS[engine]
        unpack(source, manifest, database, work / "media")
        if engine == "sqlite":
            sqlite.check_integrity(database)
            _compare_counts(manifest["row_counts"], sqlite.describe(database)[1], False)
            connections[alias].close()
            sqlite.restore(database, _sqlite_path(alias), timeout=settings.DB_BUSY_TIMEOUT)
        else:
            dumped_with = manifest["database"]["pg_dump_version"]
            postgres.restore(alias, database, dumped_with=dumped_with, replace=force)
            _compare_counts(manifest["row_counts"], postgres.table_counts(alias), True)
        _replace_media(work / "media", media_root)


def restore_backup(
    source: Path | str, *, alias: str = "default", force: bool = False
) -> RestoreReport:
    """Check the backup against this installation, then replace the database and MEDIA_ROOT."""
    source = Path(source).absolute()
    started = time.monotonic()
    try:
        manifest = read_manifest(source)
        engine = engine_of(alias)
        _refuse_other_engine(manifest, engine)
        pending = check_migrations(manifest)
        _put_back(source, manifest, engine, alias, force)
    except OSError as exc:
        log_event("backup.failed", level=logging.WARNING, step="restore", error=type(exc).__name__)
        raise BackupError(
            _("Could not restore %(path)s: %(error)s") % {"path": source, "error": exc}
        ) from exc
    except BackupError as exc:
        log_event("backup.failed", level=logging.WARNING, step="restore", error=type(exc).__name__)
        raise
    _forget_what_was_cached()
    counts, media = manifest["row_counts"], manifest["media"]
    log_event(
        "backup.restored",
        engine=engine,
        tables=len(counts),
        rows=sum(counts.values()),
        media_files=len(media),
        forced=force,
        pending_migrations=len(pending),
        duration_ms=round((time.monotonic() - started) * 1000),
    )
    created, version = manifest["created_at"], manifest["kennisstad_version"]
    return RestoreReport(
        source, engine, created, version, len(counts), sum(counts.values()), len(media), pending
    )


def _forget_what_was_cached() -> None:
    """Nothing cached from the replaced database may be served again, and every feed and page
    gets a new generation (a restored stamp could repeat one served before the restore). In a
    Redis shared with the Celery broker only Kennisstad's own keys go, never the queue."""
    for cache in caches.all():
        if isinstance(cache, RedisCache):
            client = cache._cache.get_client(None, write=True)  # type: ignore[attr-defined]
            for key in client.scan_iter(match=cache.make_key("*")):
                client.delete(key)
        else:
            cache.clear()
    generations.bump()
