"""``kennisstad restore FILE [--force]``: put back a backup written by ``kennisstad backup``, the
database and the uploaded files. Stop the application servers and workers first. Without
--force only into an empty database (a new SQLite file, a new PostgreSQL database) and an empty
MEDIA_ROOT; a backup of another engine or of a newer Kennisstad is refused before anything
changes."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from kennisstad.core.backups import BackupError, restore_backup


class Command(BaseCommand):
    help = "Restore a backup written by kennisstad backup (database and uploaded files)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="a backup written by kennisstad backup")
        parser.add_argument(
            "--force",
            action="store_true",
            help="replace the contents of a database and MEDIA_ROOT that are not empty",
        )

    def handle(self, *args, file, force=False, **options):
        try:
            report = restore_backup(file, force=force)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            _(
                "Restored %(path)s (%(engine)s, written %(created)s by Kennisstad %(version)s): "
                "tables %(tables)d, rows %(rows)d, uploaded files %(media)d."
            )
            % {
                "path": report.path,
                "engine": report.engine,
                "created": report.created_at,
                "version": report.kennisstad_version,
                "tables": report.tables,
                "rows": report.rows,
                "media": report.media_files,
            }
        )
        if report.pending_migrations:
            self.stdout.write(
                _(
                    "The backup is older than this Kennisstad (migrations to apply: %(count)d). "
                    "Run kennisstad migrate now."
                )
                % {"count": len(report.pending_migrations)}
            )
