"""``kennisstad backup FILE``: the database and the uploaded files (MEDIA_ROOT) in one file, while
the application keeps running. SQLite through its online backup API, PostgreSQL through
pg_dump; the file appears only when complete. ``docs/backup-and-restore.md`` tells how to run
it every night and how to restore."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from kennisstad.core.backups import BackupError, create_backup


class Command(BaseCommand):
    help = "Write a backup of the database and the uploaded files (MEDIA_ROOT) to FILE."

    def add_arguments(self, parser):
        parser.add_argument("file", help="the backup to write, e.g. kennisstad-2027-03-01.tar.gz")

    def handle(self, *args, file, **options):
        try:
            report = create_backup(file)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            _(
                "Backup written to %(path)s (%(engine)s, %(size)s bytes): tables %(tables)d, "
                "rows %(rows)d, uploaded files %(media)d."
            )
            % {
                "path": report.path,
                "engine": report.engine,
                "tables": report.tables,
                "rows": report.rows,
                "media": report.media_files,
                "size": report.size,
            }
        )
