"""Files on the server's disk live under MEDIA_ROOT, so ``kennisstad backup`` takes them along."""

import tarfile

import pytest

from kennisstad.conf.attachments import attachment_storage
from kennisstad.core.backups import create_backup
from kennisstad.projects.tests.factories import ProjectFactory

from .factories import attachment_on

pytestmark = pytest.mark.django_db


def test_a_backup_holds_the_files(team_member, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    entry = attachment_storage("local", settings.MEDIA_ROOT)  # what production gets
    settings.STORAGES = {**settings.STORAGES, "attachments": entry}
    key = attachment_on(ProjectFactory(), team_member).current_version.storage_key
    path = tmp_path / "backup.tar.gz"
    create_backup(path)
    with tarfile.open(path, "r:gz") as archive:
        assert f"media/attachments/{key}" in archive.getnames()
