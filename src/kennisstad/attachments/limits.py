"""The size limit, held while the upload streams in: a file that passes it stops the upload at
that byte, so neither memory nor the temporary folder ever holds more than the limit. Django's
own FILE_UPLOAD_MAX_MEMORY_SIZE (2.5 MB) stays as it is: above it the part that is taken goes to
a temporary file; DATA_UPLOAD_MAX_MEMORY_SIZE counts the form's other fields only, not files.

The handler has to be in place before anything reads the request body, and Django's CSRF check
reads it; the upload views therefore do the CSRF check themselves, after installing it (the
pattern Django documents for changing upload handlers in a view)."""

from __future__ import annotations

from typing import Any

from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.http import HttpRequest

from .storage import max_upload_bytes

FLAG = "attachments_upload_too_large"
# Room for the form's other fields and the multipart framing around the file.
REQUEST_OVERHEAD = 256 * 1024


class SizeLimitUploadHandler(FileUploadHandler):
    """First in the chain: counts a file's bytes and passes them on, or stops the upload."""

    def __init__(self, request: HttpRequest, limit: int) -> None:
        super().__init__(request)
        self.limit = limit
        self.received = 0

    def new_file(self, *args: Any, **kwargs: Any) -> None:
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        self.received += len(raw_data)
        if self.received > self.limit:
            setattr(self.request, FLAG, self.file_name or "?")
            raise StopUpload(connection_reset=False)  # the rest is read and dropped
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None  # the next handler makes the file


def announced_too_large(request: HttpRequest) -> bool:
    """Whether the request announces more bytes than the limit allows (refused unread)."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return False
    return length > max_upload_bytes() + REQUEST_OVERHEAD


def install(request: HttpRequest) -> None:
    request.upload_handlers.insert(0, SizeLimitUploadHandler(request, max_upload_bytes()))


def stopped(request: HttpRequest) -> str:
    """The name of the file that was stopped at the limit, or ""."""
    return str(getattr(request, FLAG, ""))
