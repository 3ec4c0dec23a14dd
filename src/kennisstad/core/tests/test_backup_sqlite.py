"""``kennisstad backup`` on the embedded SQLite database while a writer keeps committing, then
``kennisstad restore`` into a new database file: every record committed before the backup began
is there with its whole audit trail, nothing is half-written, and the uploaded files come back."""

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from django.db import connection

from kennisstad.accounts.tests.factories import UserFactory
from kennisstad.core.backups import create_backup

from .backups import Writer, assert_one_snapshot, run_kennisstad

sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite backup")


def sqlite_fetch(path: Path):
    def fetch(sql: str) -> list[tuple]:
        with closing(sqlite3.connect(path)) as database:
            return database.execute(sql).fetchall()

    return fetch


@sqlite_only
@pytest.mark.django_db(transaction=True)
def test_a_backup_taken_during_writes_restores_every_committed_record_and_its_audit_trail(
    tmp_path, settings
):
    settings.MEDIA_ROOT = tmp_path / "media"
    (tmp_path / "media" / "ledger-uploads").mkdir(parents=True)
    (tmp_path / "media" / "ledger-uploads" / "export.csv").write_bytes(b"jaar;bedrag\n2027;1\n")
    writer = Writer(UserFactory(username="writer"))
    writer.start()
    try:
        writer.wait_for(10)
        committed_before = list(writer.committed)
        report = create_backup(tmp_path / "kennisstad.tar.gz")
        writer.wait_for(len(writer.committed) + 10)  # it kept writing, unhindered
    finally:
        writer.stop()
    assert report.engine == "sqlite" and report.media_files == 1

    restored_var = tmp_path / "restored"
    restored = restored_var / "kennisstad.sqlite3"
    result = run_kennisstad(
        "restore",
        str(tmp_path / "kennisstad.tar.gz"),
        DATABASE_URL=f"sqlite:///{restored}",
        KENNISSTAD_VAR_DIR=str(restored_var),
    )
    assert result.returncode == 0, result.stderr

    assert_one_snapshot(
        sqlite_fetch(Path(connection.settings_dict["NAME"])),
        sqlite_fetch(restored),
        committed_before=committed_before,
        committed_in_all=len(writer.committed),
    )
    media = restored_var / "media" / "ledger-uploads" / "export.csv"
    assert media.read_bytes() == b"jaar;bedrag\n2027;1\n"
    with closing(sqlite3.connect(restored)) as database:
        assert database.execute("PRAGMA integrity_check").fetchone() == ("ok",)
