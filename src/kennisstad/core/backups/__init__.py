"""Backup and restore of the whole installation: the database and the uploaded files (media) in
one file, so a municipality restores from one file and nothing else.

A backup is a gzip-compressed tar archive with three kinds of member, in this order:

- ``manifest.json``: what the archive holds (engine, when, which Kennisstad, the applied
  migrations, the rows per table, the SHA-256 of every other member), read first so a restore
  refuses a wrong file before it touches anything;
- ``database.sqlite3`` (SQLite, a consistent copy made with SQLite's online backup API) or
  ``database.pgdump`` (PostgreSQL, ``pg_dump --format=custom`` of one exported snapshot);
- ``media/...``: every file under ``MEDIA_ROOT``.

The kernel owns this because it concerns the whole database and imports no app: tables and
migrations are read generically. ``docs/backup-and-restore.md`` is the operator's guide.
"""

from .archive import BackupError
from .run import BackupReport, RestoreReport, create_backup, restore_backup

__all__ = ["BackupError", "BackupReport", "RestoreReport", "create_backup", "restore_backup"]
