"""``kennisstad backup`` on PostgreSQL (pg_dump of one exported snapshot) while a writer keeps
committing, then ``kennisstad restore`` into a new database, created here and dropped after:
every record committed before the backup began is there with its whole audit trail, nothing is
half-written; a second restore needs --force. Needs a PostgreSQL server and its client tools
(make test-production)."""

import os
from urllib.parse import quote

import psycopg
import pytest
from django.db import connection

from kennisstad.accounts.tests.factories import UserFactory
from kennisstad.core.backups import BackupError, create_backup

from .backups import ORGANISATIONS, Writer, assert_one_snapshot, run_kennisstad

pytestmark = [
    pytest.mark.production,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
]


def connect(name: str) -> psycopg.Connection:
    params = connection.settings_dict
    return psycopg.connect(
        dbname=name,
        user=params["USER"] or None,
        password=params["PASSWORD"] or None,
        host=params["HOST"] or None,
        port=params["PORT"] or None,
        autocommit=True,
    )


def database_url(name: str) -> str:
    params = connection.settings_dict
    credentials = quote(params["USER"] or "", safe="")
    if params["PASSWORD"]:
        credentials += ":" + quote(params["PASSWORD"], safe="")
    return f"postgres://{credentials}@{params['HOST']}:{params['PORT'] or 5432}/{name}"


@pytest.fixture
def new_database():
    name = f"{connection.settings_dict['NAME']}_restored"
    with connect("postgres") as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    yield name
    with connect("postgres") as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def postgres_fetch(name: str):
    def fetch(sql: str) -> list[tuple]:
        with connect(name) as database:
            return database.execute(sql).fetchall()

    return fetch


@pytest.mark.django_db(transaction=True)
def test_a_backup_taken_during_writes_restores_into_a_new_database_with_its_audit_trail(
    tmp_path, settings, new_database
):
    settings.MEDIA_ROOT = tmp_path / "media"
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "export.csv").write_bytes(b"jaar;bedrag\n")
    writer = Writer(UserFactory(username="writer"))
    writer.start()
    try:
        writer.wait_for(10)
        committed_before = list(writer.committed)
        report = create_backup(tmp_path / "kennisstad.tar.gz")
        writer.wait_for(len(writer.committed) + 10)
    finally:
        writer.stop()
    assert report.engine == "postgresql" and report.media_files == 1

    target = {
        "DATABASE_URL": database_url(new_database),
        "KENNISSTAD_VAR_DIR": str(tmp_path / "restored"),
    }
    result = run_kennisstad("restore", str(tmp_path / "kennisstad.tar.gz"), **target)
    assert result.returncode == 0, result.stderr

    restored_ids = assert_one_snapshot(
        postgres_fetch(connection.settings_dict["NAME"]),
        postgres_fetch(new_database),
        committed_before=committed_before,
        committed_in_all=len(writer.committed),
    )
    assert (tmp_path / "restored" / "media" / "export.csv").read_bytes() == b"jaar;bedrag\n"

    again = run_kennisstad("restore", str(tmp_path / "kennisstad.tar.gz"), **target)
    assert again.returncode != 0 and "--force" in again.stderr
    forced = run_kennisstad("restore", "--force", str(tmp_path / "kennisstad.tar.gz"), **target)
    assert forced.returncode == 0, forced.stderr
    assert [pk for (pk,) in postgres_fetch(new_database)(ORGANISATIONS)] == restored_ids


def fake_tool(folder, name: str, version: str) -> None:
    folder.mkdir(exist_ok=True)
    script = folder / name
    script.write_text(f'#!/bin/sh\necho "{name} (PostgreSQL) {version}"\n')
    os.chmod(script, 0o755)


@pytest.mark.django_db
def test_without_a_usable_pg_dump_the_backup_is_refused_and_no_file_written(tmp_path, settings):
    settings.PG_BIN_DIR = str(tmp_path / "bin")
    (tmp_path / "bin").mkdir()
    with pytest.raises(BackupError) as missing:
        create_backup(tmp_path / "backup.tar.gz")
    assert "pg_dump" in str(missing.value) and "PG_BIN_DIR" in str(missing.value)
    fake_tool(tmp_path / "bin", "pg_dump", "9.6")
    with pytest.raises(BackupError) as old:
        create_backup(tmp_path / "backup.tar.gz")
    assert "9.6" in str(old.value)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["bin"]
