"""What a backup records and what a restore refuses before it changes anything: a file that cannot
be written, a file that is no backup or is damaged, a backup of the other engine or of a newer
Kennisstad, a database that is not empty without --force. On SQLite and PostgreSQL alike (the
suite runs on both); messages are checked by what they name, in either language."""

import json
import tarfile

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from kennisstad.core.backups import BackupError, create_backup, postgres, restore_backup, sqlite
from kennisstad.core.backups import archive as backup_archive
from kennisstad.core.backups.run import check_migrations
from kennisstad.relations.models import Organisation
from kennisstad.relations.tests.factories import OrganisationFactory

from .backups import rewrite
from .events import listen, logged

OTHER_ENGINE = {"sqlite": "postgresql", "postgresql": "sqlite"}


@pytest.fixture
def backup(db, tmp_path, settings):
    """A backup of the test database with one uploaded file."""
    settings.MEDIA_ROOT = tmp_path / "media"
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "upload.csv").write_text("a;b\n")
    path = tmp_path / "backup.tar.gz"
    create_backup(path)
    return path


def manifest_of(path):
    with tarfile.open(path, "r:gz") as archive:
        return json.loads(archive.extractfile("manifest.json").read())


def refusal(path, **options) -> str:
    with pytest.raises(BackupError) as refused:
        restore_backup(path, **options)
    return str(refused.value)


def test_the_manifest_describes_the_database_and_the_files(backup):
    manifest = manifest_of(backup)
    assert manifest["format"] == "kennisstad-backup"
    assert manifest["engine"] == connection.vendor
    with connection.cursor() as cursor:
        cursor.execute("SELECT app, name FROM django_migrations ORDER BY id")
        assert manifest["migrations"] == [list(row) for row in cursor.fetchall()]
    assert "relations_historicalorganisation" in manifest["row_counts"]
    # Every table with its committed rows (what the test itself wrote is not committed yet,
    # and an earlier transactional test in this process may have emptied the seeded ones).
    assert "core_theme" in manifest["row_counts"]
    assert all(isinstance(rows, int) and rows >= 0 for rows in manifest["row_counts"].values())
    assert manifest["media"]["upload.csv"]["bytes"] == 4
    with tarfile.open(backup, "r:gz") as archive:
        names = archive.getnames()
    assert names == ["manifest.json", manifest["database"]["member"], "media/upload.csv"]
    assert backup.stat().st_mode & 0o077 == 0  # personal data: for its owner only


def test_a_backup_that_cannot_be_written_is_refused_before_any_work(tmp_path, db, caplog):
    listen(caplog)
    for path in (tmp_path / "missing" / "backup.tar.gz", tmp_path):
        with pytest.raises(BackupError) as refused:
            create_backup(path)
        assert str(path) in str(refused.value)
    assert [event["step"] for event in logged(caplog, "backup.failed")] == ["backup", "backup"]
    with pytest.raises(CommandError):
        call_command("backup", str(tmp_path / "missing" / "backup.tar.gz"))


def test_a_backup_inside_media_root_is_refused(tmp_path, db, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    (tmp_path / "media" / "backups").mkdir(parents=True)
    with pytest.raises(BackupError) as refused:
        create_backup(tmp_path / "media" / "backups" / "backup.tar.gz")
    assert str(tmp_path / "media") in str(refused.value)
    assert not any((tmp_path / "media" / "backups").iterdir())


def test_a_failed_backup_keeps_the_previous_one_and_leaves_no_partial_file(
    tmp_path, db, settings, monkeypatch
):
    settings.MEDIA_ROOT = tmp_path / "media"
    previous = tmp_path / "backup.tar.gz"
    previous.write_bytes(b"yesterday's backup")

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backup_archive.tarfile.TarFile, "add", disk_full)
    with pytest.raises(BackupError) as refused:
        create_backup(previous)
    assert "No space left on device" in str(refused.value)
    assert previous.read_bytes() == b"yesterday's backup"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["backup.tar.gz"]


def test_files_that_are_no_backup_are_refused_by_what_they_are(tmp_path, db):
    files = {
        "notes.txt": b"just some text",
        "empty.tar.gz": b"",
        "dump.pgdump": b"PGDMP\x01\x0e\x00",
        "database.sqlite3": b"SQLite format 3\x00" + bytes(100),
    }
    for name, content in files.items():
        (tmp_path / name).write_bytes(content)
        message = refusal(tmp_path / name)
        assert str(tmp_path / name) in message and "kennisstad backup" in message
    assert "pg_dump" in refusal(tmp_path / "dump.pgdump")
    assert "SQLite" in refusal(tmp_path / "database.sqlite3")
    assert str(tmp_path / "absent.tar.gz") in refusal(tmp_path / "absent.tar.gz")
    with pytest.raises(CommandError):
        call_command("restore", str(tmp_path / "notes.txt"))


def test_a_backup_of_the_other_engine_is_refused(backup, tmp_path):
    other = OTHER_ENGINE[connection.vendor]
    rewrite(backup, tmp_path / "other.tar.gz", manifest=lambda m: m.update(engine=other))
    message = refusal(tmp_path / "other.tar.gz", force=True)
    assert "SQLite" in message and "PostgreSQL" in message


def test_a_backup_from_a_newer_kennisstad_is_refused(backup, tmp_path):
    def future(manifest):
        manifest["migrations"].append(["relations", "9999_from_the_future"])
        manifest["kennisstad_version"] = "9.0.0"

    rewrite(backup, tmp_path / "newer.tar.gz", manifest=future)
    message = refusal(tmp_path / "newer.tar.gz", force=True)
    assert "relations.9999_from_the_future" in message and "9.0.0" in message


def test_an_older_backup_is_restored_and_names_the_migrations_to_apply(backup):
    manifest = manifest_of(backup)
    assert check_migrations(manifest) == []
    manifest["migrations"] = [m for m in manifest["migrations"] if m[0] != "relations"]
    pending = check_migrations(manifest)
    assert pending and all(name.startswith("relations.") for name in pending)


def test_a_database_that_is_not_empty_needs_force(backup, monkeypatch, settings):
    OrganisationFactory(name="Kept")
    assert "--force" in refusal(backup)
    # An empty database, but uploaded files in MEDIA_ROOT: also not without --force.
    monkeypatch.setattr(sqlite, "is_empty", lambda path: True)
    monkeypatch.setattr(postgres, "is_empty", lambda alias: True)
    message = refusal(backup)
    assert "--force" in message and str(settings.MEDIA_ROOT) in message
    assert Organisation.objects.filter(name="Kept").exists()


def test_a_damaged_backup_is_refused_and_nothing_changes(backup, tmp_path, settings):
    OrganisationFactory(name="Kept")
    database = manifest_of(backup)["database"]["member"]

    def flip(name, data):
        return data[:-1] + bytes([data[-1] ^ 1]) if name == database else data

    def change_upload(name, data):
        return b"changed" if name == "media/upload.csv" else data

    rewrite(backup, tmp_path / "bad-db.tar.gz", member=flip)
    rewrite(backup, tmp_path / "bad-media.tar.gz", member=change_upload)
    assert database in refusal(tmp_path / "bad-db.tar.gz", force=True)
    assert "media/upload.csv" in refusal(tmp_path / "bad-media.tar.gz", force=True)
    truncated = tmp_path / "truncated.tar.gz"
    truncated.write_bytes(backup.read_bytes()[: backup.stat().st_size // 2])
    assert str(truncated) in refusal(truncated, force=True)
    assert Organisation.objects.filter(name="Kept").exists()
    assert (settings.MEDIA_ROOT / "upload.csv").read_text() == "a;b\n"


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite counts before it restores")
def test_a_database_that_differs_from_its_manifest_is_refused(backup, tmp_path):
    def wrong(manifest):
        manifest["row_counts"]["core_theme"] += 1

    rewrite(backup, tmp_path / "wrong.tar.gz", manifest=wrong)
    assert "core_theme" in refusal(tmp_path / "wrong.tar.gz", force=True)


def test_the_password_goes_to_the_tools_in_the_environment_only():
    environment = postgres.client_environment(
        {
            "NAME": "kennisstad",
            "USER": "app",
            "PASSWORD": "s3cret",
            "HOST": "db.example",
            "PORT": 5433,
            "OPTIONS": {"sslmode": "verify-full"},
        }
    )
    assert environment["PGPASSWORD"] == "s3cret"
    assert (environment["PGHOST"], environment["PGPORT"]) == ("db.example", "5433")
    assert environment["PGSSLMODE"] == "verify-full"


@pytest.mark.django_db(transaction=True)
def test_restore_with_force_puts_back_the_database_and_the_files(tmp_path, settings, caplog):
    from django.core.cache import cache

    listen(caplog)
    settings.MEDIA_ROOT = tmp_path / "media"
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "kept.csv").write_text("kept")
    kept = OrganisationFactory(name="In the backup")
    call_command("backup", str(tmp_path / "backup.tar.gz"))
    OrganisationFactory(name="After the backup")
    kept.delete()
    (tmp_path / "media" / "kept.csv").unlink()
    (tmp_path / "media" / "later.csv").write_text("later")
    cache.set("feed", "stale")

    assert "--force" in refusal(tmp_path / "backup.tar.gz")
    call_command("restore", str(tmp_path / "backup.tar.gz"), "--force")

    names = set(Organisation.objects.values_list("name", flat=True))
    assert "In the backup" in names and "After the backup" not in names
    assert Organisation.history.filter(name="In the backup", history_type="+").exists()
    assert sorted(p.name for p in (tmp_path / "media").iterdir()) == ["kept.csv"]
    assert cache.get("feed") is None
    created, restored = logged(caplog, "backup.created"), logged(caplog, "backup.restored")
    assert created[0]["engine"] == restored[0]["engine"] == connection.vendor
    assert restored[0]["forced"] is True and restored[0]["media_files"] == 1
    assert logged(caplog, "backup.failed")[0]["step"] == "restore"


@pytest.mark.parametrize("where", ["database", "media"])
def test_a_manifest_never_chooses_where_a_file_is_written(backup, tmp_path, where):
    """A forged backup naming '../' paths (with matching checksums) is refused, and nothing is
    written outside the restore's own folder."""
    import hashlib
    import io

    payload = b"written outside"
    escape = "../../escaped.txt"
    manifest = manifest_of(backup)
    if where == "database":
        manifest["database"]["member"] = escape
        member = escape
    else:
        manifest["media"] = {escape: {"sha256": hashlib.sha256(payload).hexdigest(), "bytes": 15}}
        member = "media/" + escape
    manifest["database"]["sha256"] = hashlib.sha256(payload).hexdigest()
    forged = tmp_path / "forged" / "backup.tar.gz"
    forged.parent.mkdir()
    with tarfile.open(forged, "w:gz") as writing:
        for name, data in (("manifest.json", json.dumps(manifest).encode()), (member, payload)):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            writing.addfile(info, io.BytesIO(data))
    refusal(forged, force=True)
    assert not list(tmp_path.rglob("escaped.txt"))
    assert not (tmp_path.parent / "escaped.txt").exists()
