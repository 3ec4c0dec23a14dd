"""Test files of each kind, and a file on a record made through the service."""

from __future__ import annotations

import io
import zipfile
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from kennisstad.attachments.models import Attachment
from kennisstad.attachments.services import add_attachment

PDF_BYTES = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 20
EXE_BYTES = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 56 + b"PE\x00\x00" + b"\x00" * 100
ELF_BYTES = b"\x7fELF\x02\x01\x01" + b"\x00" * 100


def office_bytes(main_part: str = "word/document.xml") -> bytes:
    """A minimal OOXML package: its content types and its main part."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr(main_part, "<document/>")
    return buffer.getvalue()


def open_document_bytes(mimetype: str = "application/vnd.oasis.opendocument.text") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", mimetype)
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


def upload(name: str = "verslag.pdf", content: bytes = PDF_BYTES) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def attachment_on(record: Any, user: Any, **fields: Any) -> Attachment:
    """A file on ``record`` added by ``user`` (team) through the service."""
    file = fields.pop("file", None) or upload()
    return add_attachment(record=record, user=user, upload=file, name=file.name, **fields)
