"""What an uploaded file really is, read from its bytes, and whether Kennisstad takes it.

The file name is what the uploader says; the first bytes (magic numbers) and, for the zip-based
office formats, the parts inside say what it is. Only an allow-list of document kinds is taken;
everything else (programs for Windows, Linux or macOS, scripts, HTML and SVG that a browser would
run, unknown binaries) is refused, and so is a name whose extension promises another kind than the
content holds (a program renamed to ``.pdf``).

An own small table rather than a library: ``python-magic`` needs libmagic on the machine, and
``filetype`` knows neither OOXML from a plain zip nor text, which are the two cases that matter
here; the table below is what we need and fits on one screen.
"""

from __future__ import annotations

import zipfile
import zlib
from dataclasses import dataclass
from typing import IO

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .storage import max_upload_bytes

HEAD_BYTES = 8192


@dataclass(frozen=True)
class Kind:
    """One kind of file that is accepted: its content type and the extensions it may carry."""

    content_type: str
    extensions: tuple[str, ...]


PDF = Kind("application/pdf", ("pdf",))
PNG = Kind("image/png", ("png",))
JPEG = Kind("image/jpeg", ("jpg", "jpeg"))
GIF = Kind("image/gif", ("gif",))
WEBP = Kind("image/webp", ("webp",))
DOCX = Kind("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ("docx",))
XLSX = Kind("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ("xlsx",))
PPTX = Kind("application/vnd.openxmlformats-officedocument.presentationml.presentation", ("pptx",))
ODT = Kind("application/vnd.oasis.opendocument.text", ("odt",))
ODS = Kind("application/vnd.oasis.opendocument.spreadsheet", ("ods",))
ODP = Kind("application/vnd.oasis.opendocument.presentation", ("odp",))
MSG = Kind("application/vnd.ms-outlook", ("msg",))
TEXT = Kind("text/plain", ("txt", "csv", "md", "eml"))

# Binary signatures of what is accepted (prefix -> kind); zip and text are looked into below.
SIGNATURES: tuple[tuple[bytes, Kind], ...] = (
    (b"%PDF-", PDF),
    (b"\x89PNG\r\n\x1a\n", PNG),
    (b"\xff\xd8\xff", JPEG),
    (b"GIF87a", GIF),
    (b"GIF89a", GIF),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", MSG),  # OLE2: Outlook messages (and old Office)
)

# Programs and scripts, named in the refusal so the uploader knows why.
EXECUTABLES: tuple[tuple[bytes, str], ...] = (
    (b"MZ", "Windows program"),
    (b"\x7fELF", "Linux program"),
    (b"\xcf\xfa\xed\xfe", "macOS program"),
    (b"\xce\xfa\xed\xfe", "macOS program"),
    (b"\xfe\xed\xfa\xcf", "macOS program"),
    (b"\xfe\xed\xfa\xce", "macOS program"),
    (b"\xca\xfe\xba\xbe", "macOS program"),
    (b"#!", "script"),
)

OPEN_DOCUMENT = {
    b"application/vnd.oasis.opendocument.text": ODT,
    b"application/vnd.oasis.opendocument.spreadsheet": ODS,
    b"application/vnd.oasis.opendocument.presentation": ODP,
}
OFFICE_MAIN_PARTS = (
    ("word/document.xml", DOCX),
    ("xl/workbook.xml", XLSX),
    ("ppt/presentation.xml", PPTX),
)
MARKUP_STARTS = (b"<!doctype html", b"<html", b"<svg", b"<?xml", b"<script", b"<head", b"<body")


def _refuse(name: str, why: str, code: str) -> ValidationError:
    return ValidationError(
        _("%(name)s cannot be added: %(why)s") % {"name": name, "why": why}, code=code
    )


# Zip-based documents are looked into by their directory only; the parts are never unpacked,
# except ``mimetype`` (ODF: a few dozen bytes) read up to its tiny size. A zip bomb (a few MB that
# claims gigabytes, or a million parts) is refused on what its directory declares.
MAX_ZIP_ENTRIES = 10_000
MAX_MIMETYPE_BYTES = 100
MAX_UNPACKED_BYTES = 1024 * 1024 * 1024  # and at most 20 times the upload limit
MAX_RATIO = 200  # a part larger than 1 MB packed more than 200 times is no document
RATIO_FROM_BYTES = 1024 * 1024


def _read_small(archive: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int) -> bytes | None:
    """A part of at most ``cap`` declared bytes, read no further than that; None if larger."""
    if info.file_size > cap:
        return None
    with archive.open(info) as part:
        data = part.read(cap + 1)
    return data if len(data) <= cap else None


def _bomb(infos: list[zipfile.ZipInfo]) -> bool:
    """Whether the directory declares more parts, or more unpacked bytes, than a document has."""
    if len(infos) > MAX_ZIP_ENTRIES:
        return True
    if sum(info.file_size for info in infos) > min(MAX_UNPACKED_BYTES, 20 * max_upload_bytes()):
        return True
    return any(
        info.file_size > RATIO_FROM_BYTES
        and info.file_size > MAX_RATIO * max(info.compress_size, 1)
        for info in infos
    )


def _zip_kind(stream: IO[bytes], name: str) -> Kind | None:
    """An OOXML or OpenDocument file by the parts it holds; any other zip is not taken."""
    stream.seek(0)
    try:
        with zipfile.ZipFile(stream) as archive:
            infos = archive.infolist()
            if _bomb(infos):
                why = _("it is an archive that unpacks to far more than a document does.")
                raise _refuse(name, why, "archive")
            parts = {info.filename: info for info in infos}
            if "mimetype" in parts:
                mimetype = _read_small(archive, parts["mimetype"], MAX_MIMETYPE_BYTES)
                return OPEN_DOCUMENT.get((mimetype or b"").strip())
            if "[Content_Types].xml" in parts:
                for part, kind in OFFICE_MAIN_PARTS:
                    if part in parts:
                        return kind
    except (zipfile.BadZipFile, KeyError, OSError, EOFError, RuntimeError, zlib.error):
        return None
    return None


def _text_kind(head: bytes, complete: bool) -> Kind | None:
    """Plain text (txt, csv, an e-mail as .eml): valid UTF-8 without NUL bytes and no markup."""
    if b"\x00" in head:
        return None
    if head.lstrip().lower().startswith(MARKUP_STARTS):
        return None
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # The head may end inside a character; only an error before its last 3 bytes counts.
        if complete or exc.start < len(head) - 3:
            return None
    return TEXT


def detect(stream: IO[bytes], name: str) -> Kind:
    """The accepted kind of ``stream`` (read from the start; left at the start), or a
    ValidationError naming ``name`` and why it is refused."""
    stream.seek(0)
    head = stream.read(HEAD_BYTES)
    complete = len(stream.read(1)) == 0
    stream.seek(0)
    for signature, what in EXECUTABLES:
        if head.startswith(signature):
            why = _("it is a program (%(what)s), not a document.") % {"what": what}
            return _raise(name, why, "program")
    kind = next((k for signature, k in SIGNATURES if head.startswith(signature)), None)
    if kind is None and head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        kind = WEBP
    if kind is None and head.startswith(b"PK\x03\x04"):
        kind = _zip_kind(stream, name)
        stream.seek(0)
    if kind is None and not head.startswith(b"PK"):
        kind = _text_kind(head, complete)
    if kind is None:
        why = _("this kind of file is not accepted (allowed: %(kinds)s).") % {
            "kinds": allowed_extensions()
        }
        return _raise(name, why, "not_accepted")
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in kind.extensions:
        return _raise(
            name,
            _("its content is %(kind)s, which does not match the name ending in “.%(ext)s”.")
            % {"kind": kind.extensions[0].upper(), "ext": extension},
            "mismatch",
        )
    return kind


def _raise(name: str, why: str, code: str) -> Kind:
    raise _refuse(name, why, code)


ACCEPTED = (PDF, DOCX, XLSX, PPTX, ODT, ODS, ODP, PNG, JPEG, GIF, WEBP, MSG, TEXT)


def allowed_extensions() -> str:
    return ", ".join(ext for kind in ACCEPTED for ext in kind.extensions)
