"""Where uploaded files live (a previewed ledger export waiting for its confirmation, documents).

Django's storage API either way: a folder on this server by default (MEDIA_ROOT), or, with
several app servers, an S3-compatible object store they all reach (KENNISSTAD_FILE_STORAGE=s3;
MinIO, Ceph, a cloud bucket). The bucket stays private: files are read through Kennisstad, never
linked to."""

from typing import Any

from django.core.exceptions import ImproperlyConfigured

from .env import env_str


def file_storage(kind: str) -> dict[str, Any]:
    """The STORAGES["default"] entry for ``kind`` ("local" or "s3"), the bucket from S3_*."""
    if kind == "local":
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    if kind != "s3":
        raise ImproperlyConfigured('KENNISSTAD_FILE_STORAGE must be "local" or "s3".')
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env_str("S3_BUCKET", required=True),
            "endpoint_url": env_str("S3_ENDPOINT_URL", "") or None,
            "region_name": env_str("S3_REGION", "") or None,
            "access_key": env_str("S3_ACCESS_KEY_ID", "") or None,
            "secret_key": env_str("S3_SECRET_ACCESS_KEY", "") or None,
            "location": env_str("S3_PREFIX", "kennisstad"),
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
