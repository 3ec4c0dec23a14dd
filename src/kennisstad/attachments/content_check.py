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

import codecs
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
TEXT = Kind("text/plain", ("txt", "csv", "md"))

# Binary signatures of what is accepted (prefix -> kind); zip and text are looked into below.
SIGNATURES: tuple[tuple[bytes, Kind], ...] = (
    (b"%PDF-", PDF),
    (b"\x89PNG\r\n\x1a\n", PNG),
    (b"\xff\xd8\xff", JPEG),
    (b"GIF87a", GIF),
    (b"GIF89a", GIF),
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
# OLE2 (compound file): old Office files with their macros, and Outlook messages with theirs and
# their attachments; not looked into, so not taken (an e-mail is saved as PDF).
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Parts that hold macros or programs: VBA in OOXML, Basic and scripts in OpenDocument.
MACRO_PARTS = ("vbaproject.bin", "vbadata.xml", "vbaprojectsignature.bin")
MACRO_FOLDERS = ("basic/", "scripts/")
PROGRAM_ENDINGS = (".exe", ".dll", ".com", ".scr", ".bat", ".cmd", ".ps1", ".vbs", ".js", ".jar")
MAX_CONTENT_TYPES_BYTES = 1024 * 1024
TEXT_CHUNK = 1024 * 1024


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


def _macros_or_programs(archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo]) -> bool:
    """Whether a part holds macros (by its name) or a program (by its name or first bytes)."""
    for info in infos:
        lowered = info.filename.lower()
        if lowered.rsplit("/", 1)[-1] in MACRO_PARTS or lowered.startswith(MACRO_FOLDERS):
            return True
        if lowered.endswith(PROGRAM_ENDINGS):
            return True
        if info.file_size >= 2 and not info.is_dir():
            with archive.open(info) as part:
                start = part.read(4)
            if any(start.startswith(signature) for signature, _what in EXECUTABLES):
                return True
    return False


def _office_kind(archive: zipfile.ZipFile, parts: dict[str, zipfile.ZipInfo]) -> Kind | None:
    """OOXML by its main part; a macro-enabled one (by its declared content types) is not."""
    types = _read_small(archive, parts["[Content_Types].xml"], MAX_CONTENT_TYPES_BYTES)
    if types is None or b"macroenabled" in types.lower() or b"vbaproject" in types.lower():
        return None
    return next((kind for part, kind in OFFICE_MAIN_PARTS if part in parts), None)


def _zip_kind(stream: IO[bytes], name: str) -> Kind | None:
    """An OOXML or OpenDocument file by the parts it holds, without macros or programs inside;
    any other zip is not taken."""
    stream.seek(0)
    try:
        with zipfile.ZipFile(stream) as archive:
            infos = archive.infolist()
            if _bomb(infos):
                why = _("it is an archive that unpacks to far more than a document does.")
                raise _refuse(name, why, "archive")
            if _macros_or_programs(archive, infos):
                why = _("it holds macros or a program; save it without them.")
                raise _refuse(name, why, "macros")
            parts = {info.filename: info for info in infos}
            if "mimetype" in parts:
                mimetype = _read_small(archive, parts["mimetype"], MAX_MIMETYPE_BYTES)
                return OPEN_DOCUMENT.get((mimetype or b"").strip())
            if "[Content_Types].xml" in parts:
                return _office_kind(archive, parts)
    except (zipfile.BadZipFile, KeyError, OSError, EOFError, RuntimeError, zlib.error):
        return None
    return None


def _text_kind(stream: IO[bytes]) -> Kind | None:
    """Plain text (txt, csv, md): the whole file valid UTF-8 without NUL bytes, not starting
    with markup a browser would run (after a byte-order mark and white space)."""
    stream.seek(0)
    first = stream.read(HEAD_BYTES)
    start = first.removeprefix(b"\xef\xbb\xbf").lstrip()
    if start[:1] == b"<" and (start[1:2].isalpha() or start[1:2] in (b"!", b"?", b"/")):
        return None
    decoder = codecs.getincrementaldecoder("utf-8")()
    chunk = first
    try:
        while chunk:
            if b"\x00" in chunk:
                return None
            decoder.decode(chunk)
            chunk = stream.read(TEXT_CHUNK)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return None
    finally:
        stream.seek(0)
    return TEXT


def detect(stream: IO[bytes], name: str) -> Kind:
    """The accepted kind of ``stream`` (read from the start; left at the start), or a
    ValidationError naming ``name`` and why it is refused."""
    stream.seek(0)
    head = stream.read(HEAD_BYTES)
    stream.seek(0)
    for signature, what in EXECUTABLES:
        if head.startswith(signature):
            why = _("it is a program (%(what)s), not a document.") % {"what": what}
            return _raise(name, why, "program")
    if head.startswith(OLE2):
        why = _(
            "Outlook messages (.msg) and old Office files (.doc, .xls, .ppt) are not accepted; "
            "save an e-mail as PDF and a document in a current format."
        )
        return _raise(name, why, "not_accepted")
    kind = next((k for signature, k in SIGNATURES if head.startswith(signature)), None)
    if kind is None and head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        kind = WEBP
    if kind is None and head.startswith(b"PK\x03\x04"):
        kind = _zip_kind(stream, name)
        stream.seek(0)
    if kind is None and not head.startswith(b"PK"):
        kind = _text_kind(stream)
    if kind is None:
        why = _("this kind of file is not accepted (allowed: %(kinds)s).") % {
            "kinds": allowed_extensions()
        }
        return _raise(name, why, "not_accepted")
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if not extension:
        return _raise(
            name,
            _("its name has no extension; for its content (%(kind)s) it ends in “.%(ext)s”.")
            % {"kind": kind.extensions[0].upper(), "ext": kind.extensions[0]},
            "mismatch",
        )
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


ACCEPTED = (PDF, DOCX, XLSX, PPTX, ODT, ODS, ODP, PNG, JPEG, GIF, WEBP, TEXT)


def allowed_extensions() -> str:
    return ", ".join(ext for kind in ACCEPTED for ext in kind.extensions)
