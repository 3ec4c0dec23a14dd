"""Files attached to records (``kennisstad.attachments``): their size limit and where they live.

The files get a storage of their own, ``STORAGES["attachments"]``, that follows
KENNISSTAD_FILE_STORAGE like the default one: the folder ``attachments/`` under MEDIA_ROOT on this
server (so ``kennisstad backup`` takes them along; nothing serves MEDIA_URL, and the storage has
no URL: downloads go through Kennisstad's access check), or a prefix of its own in the private
S3-compatible bucket."""

from pathlib import Path
from typing import Any

from .env import env_int, env_str
from .storage import file_storage

# The largest file one upload takes, in megabytes. A request that announces more is refused
# before its body is read; Django streams files above FILE_UPLOAD_MAX_MEMORY_SIZE (2.5 MB) to a
# temporary file, so a large upload never sits in memory whole.
__all__ = ["ATTACHMENTS_MAX_UPLOAD_MB"]

ATTACHMENTS_MAX_UPLOAD_MB = env_int("ATTACHMENTS_MAX_UPLOAD_MB", 25)


def attachment_storage(kind: str, media_root: Path) -> dict[str, Any]:
    """The STORAGES["attachments"] entry for ``kind`` ("local" or "s3")."""
    entry = file_storage(kind)
    if kind == "local":
        # No base_url: the folder is never linked to; files leave only through the download view.
        entry["OPTIONS"] = {"location": str(media_root / "attachments"), "base_url": None}
    else:
        prefix = env_str("S3_PREFIX", "kennisstad")
        entry["OPTIONS"] = {**entry["OPTIONS"], "location": f"{prefix}/attachments"}
    return entry
