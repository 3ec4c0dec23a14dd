"""The backup file itself: written atomically (a hidden temporary file in the same folder, renamed
only when complete, so a half-written file never looks like a backup), read back member by
member with every member's SHA-256 checked against the manifest."""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import tarfile
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import IO, Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

FORMAT = "kennisstad-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
MEDIA_PREFIX = "media/"
DATABASE_MEMBERS = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
ENGINE_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
CHUNK = 1024 * 1024
# What other files start with, to say what the operator gave instead of a Kennisstad backup.
FOREIGN_MAGIC = {
    b"PGDMP": gettext_noop("a pg_dump archive"),
    b"SQLite format 3\x00": gettext_noop("an SQLite database file"),
}


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why and what to do."""


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def check_writable(destination: Path) -> None:
    """Refuse before any work (a dump of an hour) when the backup could not be written."""
    folder = destination.parent
    if destination.is_dir():
        raise BackupError(_("%(path)s is a folder; give a file name.") % {"path": destination})
    if not folder.is_dir():
        raise BackupError(
            _("Cannot write %(path)s: the folder %(folder)s does not exist.")
            % {"path": destination, "folder": folder}
        )
    if not os.access(folder, os.W_OK | os.X_OK) or (
        destination.exists() and not os.access(destination, os.W_OK)
    ):
        raise BackupError(_("Cannot write %(path)s: permission denied.") % {"path": destination})


@contextmanager
def work_folder(parent: Path) -> Iterator[Path]:
    """A hidden temporary folder in ``parent``, removed whatever happens. A backup works next to
    its file (the same disk, so the final rename is atomic and the space is counted where the
    backup goes); a restore next to MEDIA_ROOT."""
    folder = Path(tempfile.mkdtemp(prefix=".kennisstad-backup-", dir=parent))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def copy_media(media_root: Path, staging: Path) -> dict[str, dict[str, Any]]:
    """Copy the uploaded files into ``staging`` while hashing them, so the archive holds exactly
    what the manifest describes even when an upload changes a file meanwhile. Symbolic links
    are left out: they may point outside MEDIA_ROOT."""
    files: dict[str, dict[str, Any]] = {}
    if not media_root.is_dir():
        return files
    for source in sorted(media_root.rglob("*")):
        if source.is_symlink() or not source.is_file():
            continue
        name = source.relative_to(media_root).as_posix()
        target = staging / name
        target.parent.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        with source.open("rb") as reader, target.open("wb") as writer:
            while chunk := reader.read(CHUNK):
                digest.update(chunk)
                writer.write(chunk)
        files[name] = {"sha256": digest.hexdigest(), "bytes": target.stat().st_size}
    return files


def write_archive(
    destination: Path, manifest: dict[str, Any], database: Path, media: Path, work: Path
) -> None:
    """Write manifest, database and media into a temporary file, flush it to disk, then rename
    it over ``destination`` in one step. Readable by its owner only: it holds personal data."""
    partial = work / "backup.partial"
    with os.fdopen(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as raw:
        with tarfile.open(fileobj=raw, mode="w:gz", compresslevel=6) as archive:
            data = json.dumps(manifest, indent=2, sort_keys=True).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size, info.mtime, info.mode = len(data), int(time.time()), 0o600
            archive.addfile(info, _bytes_reader(data))
            archive.add(database, arcname=manifest["database"]["member"], recursive=False)
            for name in manifest["media"]:
                archive.add(media / name, arcname=MEDIA_PREFIX + name, recursive=False)
        raw.flush()
        os.fsync(raw.fileno())
    os.replace(partial, destination)
    _fsync_folder(destination.parent)


def _bytes_reader(data: bytes) -> IO[bytes]:
    return io.BytesIO(data)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself survive a power cut (where the platform allows it)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def _not_a_backup(path: Path) -> BackupError:
    try:
        with path.open("rb") as handle:
            start = handle.read(16)
    except OSError:
        start = b""
    for magic, kind in FOREIGN_MAGIC.items():
        if start.startswith(magic):
            return BackupError(
                _(
                    "%(path)s is %(kind)s, not a Kennisstad backup; restore reads only files "
                    "written by kennisstad backup."
                )
                % {"path": path, "kind": _(kind)}
            )
    return BackupError(
        _("%(path)s is not a Kennisstad backup (a file written by kennisstad backup).")
        % {"path": path}
    )


def read_manifest(path: Path) -> dict[str, Any]:
    """The manifest, from the archive's first member; anything else is not a backup."""
    if not path.is_file():
        raise BackupError(_("There is no file %(path)s.") % {"path": path})
    try:
        with tarfile.open(path, mode="r:gz") as archive:
            first = archive.next()
            if first is None or first.name != MANIFEST or not first.isfile():
                raise _not_a_backup(path)
            handle = archive.extractfile(first)
            manifest = json.loads(handle.read()) if handle else None
    except (tarfile.TarError, EOFError, OSError, ValueError) as exc:
        raise _not_a_backup(path) from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise _not_a_backup(path)
    if manifest.get("format_version") != FORMAT_VERSION:
        raise BackupError(
            _(
                "%(path)s was written in backup format %(version)s, which this Kennisstad "
                "cannot read."
            )
            % {"path": path, "version": manifest.get("format_version")}
        )
    if not _well_formed(manifest):
        raise _not_a_backup(path)
    return manifest


def _well_formed(manifest: dict[str, Any]) -> bool:
    """The manifest names only what ``kennisstad backup`` writes: the database member of its
    engine and media files under MEDIA_ROOT, each with a checksum. The names come from the file
    being restored, so a forged one must never choose where a file is written."""
    database, media = manifest.get("database"), manifest.get("media")
    if not isinstance(database, dict) or not isinstance(media, dict):
        return False
    if database.get("member") not in DATABASE_MEMBERS.values():
        return False
    if not isinstance(database.get("sha256"), str) or not isinstance(
        manifest.get("row_counts"), dict
    ):
        return False
    return all(
        isinstance(entry, dict)
        and isinstance(entry.get("sha256"), str)
        and _safe_media_name(MEDIA_PREFIX + name) is not None
        for name, entry in media.items()
    )


def _safe_media_name(member: str) -> str | None:
    """The path under MEDIA_ROOT of an archive member, or None for one that would land outside."""
    relative = PurePosixPath(member[len(MEDIA_PREFIX) :])
    if relative.is_absolute() or ".." in relative.parts or not relative.parts:
        return None
    return relative.as_posix()


def unpack(path: Path, manifest: dict[str, Any], database: Path, media: Path) -> None:
    """Extract the database to ``database`` and the media under ``media``, checking each against
    the manifest; a missing, extra or changed member refuses the whole file."""
    expected = {manifest["database"]["member"]: manifest["database"]["sha256"]}
    expected.update({MEDIA_PREFIX + n: f["sha256"] for n, f in manifest["media"].items()})
    seen: set[str] = set()
    try:
        with tarfile.open(path, mode="r:gz") as archive:
            for member in archive:
                if member.name == MANIFEST:
                    continue
                if member.name not in expected or not member.isfile() or member.name in seen:
                    raise _damaged(path, member.name)
                if member.name == manifest["database"]["member"]:
                    target = database
                else:
                    name = _safe_media_name(member.name)
                    if name is None:
                        raise _damaged(path, member.name)
                    target = media / name
                    if not target.resolve().is_relative_to(media.resolve()):
                        raise _damaged(path, member.name)
                    target.parent.mkdir(parents=True, exist_ok=True)
                if _extract(archive, member, target) != expected[member.name]:
                    raise _damaged(path, member.name)
                seen.add(member.name)
    except (tarfile.TarError, EOFError, OSError) as exc:
        raise _damaged(path, str(exc)) from exc
    if missing := sorted(set(expected) - seen):
        raise _damaged(path, ", ".join(missing))


def _extract(archive: tarfile.TarFile, member: tarfile.TarInfo, target: Path) -> str:
    digest = hashlib.sha256()
    source = archive.extractfile(member)
    assert source is not None  # a regular file, checked by the caller
    with target.open("wb") as writer:
        while chunk := source.read(CHUNK):
            digest.update(chunk)
            writer.write(chunk)
    return digest.hexdigest()


def _damaged(path: Path, detail: str) -> BackupError:
    return BackupError(
        _("The backup %(path)s is damaged or incomplete (%(detail)s); nothing was restored.")
        % {"path": path, "detail": detail}
    )
