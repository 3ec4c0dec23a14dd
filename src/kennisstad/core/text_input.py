"""Reading the text files people bring (a budget chapter, a calendar): from an upload, a path or
a URL, with a size limit and a clear error when it is not UTF-8 text."""

import re
from pathlib import Path

from django.utils.translation import gettext as _

# Anything that starts with a scheme (``http:``, `` HTTP://``, ``http:/host``) is an address for
# the fetcher, which refuses what is not http(s) by name; a one-letter one is a Windows drive.
URL_SCHEME = re.compile(r"^\s*[A-Za-z][A-Za-z0-9+.-]+:")


class TextInputError(ValueError):
    """The source cannot be read as text; the message says why, for the person who gave it."""


def decode_text(data: bytes, *, max_bytes: int) -> str:
    if len(data) > max_bytes:
        raise TextInputError(
            _("The file is larger than %(size)s MB.") % {"size": max_bytes // 1_000_000}
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise TextInputError(
            _("The file is not UTF-8 text (byte %(position)s).") % {"position": exc.start}
        ) from exc
    if "\x00" in text:  # no text file has one, and PostgreSQL cannot store one in a text column
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise TextInputError(
            _("Line %(line)s contains a NUL character: the file is not text.") % {"line": line}
        )
    return text


def read_upload(upload, *, max_bytes: int) -> str:
    return decode_text(upload.read(max_bytes + 1), max_bytes=max_bytes)


def read_source(source: str, *, max_bytes: int) -> str:
    """A local path (for the operator's commands) or an http(s) URL; a URL is fetched only from
    the public internet, within the fetch deadline (``core.http_fetch``), never read as a path."""
    if URL_SCHEME.match(source):  # ftp://, file:// ... are refused there, by name
        from .http_fetch import FetchError, fetch_url

        try:
            data = fetch_url(source, max_bytes=max_bytes)
        except FetchError as exc:
            raise TextInputError(str(exc)) from exc
    else:
        try:
            data = Path(source).read_bytes()
        except OSError as exc:
            raise TextInputError(f"{source}: {exc.strerror or exc}") from exc
    return decode_text(data, max_bytes=max_bytes)


def whole_number(value) -> int | None:
    """``value`` as a non-negative whole number when it is one written in ASCII digits (``"²"``
    passes ``str.isdigit`` but not ``int``), else None: for ids and versions from requests."""
    text = str(value or "").strip()
    if not text or len(text) > 18 or not (text.isascii() and text.isdigit()):
        return None
    return int(text)
