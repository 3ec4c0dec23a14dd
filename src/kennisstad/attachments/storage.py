"""Where the bytes of attached files live: ``STORAGES["attachments"]`` (see conf/attachments.py),
looked up on every use so a changed setting (tests, an S3 switch) is followed."""

from __future__ import annotations

import hashlib
import secrets
from typing import IO

from django.conf import settings
from django.core.files.base import File
from django.core.files.storage import Storage, storages
from django.db import transaction
from django.utils import timezone

CHUNK = 1024 * 1024


def attachment_storage() -> Storage:
    return storages["attachments"]


def max_upload_bytes() -> int:
    return int(settings.ATTACHMENTS_MAX_UPLOAD_MB) * 1024 * 1024


def new_key() -> str:
    """An unguessable key, never the uploaded name: ``2026/12/<32 hex>``."""
    return f"{timezone.now():%Y/%m}/{secrets.token_hex(16)}"


def digest(stream: IO[bytes]) -> tuple[str, int]:
    """SHA-256 and size of ``stream``, read in chunks (left at the start)."""
    stream.seek(0)
    sha, size = hashlib.sha256(), 0
    while chunk := stream.read(CHUNK):
        sha.update(chunk)
        size += len(chunk)
    stream.seek(0)
    return sha.hexdigest(), size


def save_bytes(stream: IO[bytes]) -> str:
    """Store ``stream`` under a new key; the key actually used (a storage may alter it)."""
    stream.seek(0)
    return attachment_storage().save(new_key(), File(stream))


def delete_after_commit(key: str) -> None:
    """Remove a stored file once the deletion of its row is committed; a rollback keeps both."""
    transaction.on_commit(lambda: attachment_storage().delete(key))


def open_bytes(key: str) -> IO[bytes]:
    return attachment_storage().open(key, "rb")
