"""KENNISSTAD_FILE_STORAGE picks where uploaded files live: the local folder by default, an S3
bucket (several app servers) when set; a misspelt value or a missing bucket stops the start."""

import os
import subprocess
import sys

import pytest

PRINT_STORAGE = (
    "import django; from django.conf import settings; django.setup(); "
    "print(settings.STORAGES['default']['BACKEND']); "
    "print(settings.STORAGES['default'].get('OPTIONS', {}).get('bucket_name'))"
)


def _settings_with(**env: str) -> subprocess.CompletedProcess:
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("S3_", "KENNISSTAD_FILE"))
    }
    environment.update(env, DJANGO_SETTINGS_MODULE="kennisstad.conf.test")
    return subprocess.run(
        [sys.executable, "-c", PRINT_STORAGE],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize(
    ("env", "backend", "bucket"),
    [
        ({}, "django.core.files.storage.FileSystemStorage", "None"),
        (
            {"KENNISSTAD_FILE_STORAGE": "s3", "S3_BUCKET": "gemeente-kennisstad"},
            "storages.backends.s3.S3Storage",
            "gemeente-kennisstad",
        ),
    ],
)
def test_the_storage_follows_the_environment(env, backend, bucket):
    result = _settings_with(**env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [backend, bucket]


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"KENNISSTAD_FILE_STORAGE": "s3"}, "S3_BUCKET must be set"),
        ({"KENNISSTAD_FILE_STORAGE": "ftp"}, 'KENNISSTAD_FILE_STORAGE must be "local" or "s3"'),
    ],
)
def test_an_unusable_storage_setting_stops_the_start(env, message):
    result = _settings_with(**env)
    assert result.returncode != 0
    assert message in result.stderr
