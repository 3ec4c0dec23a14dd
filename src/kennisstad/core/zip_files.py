"""Files that are zip archives (an Excel workbook, a Word document): how far they unpack,
known before anything opens them. A few MB can unpack to GBs, and the libraries that read them
(openpyxl, python-docx) hold what they unpack in memory; ``zipfile`` never unpacks a member
past its declared size, so the declared sizes bound the work."""

import io
import struct
import zipfile
import zlib


def declared_unpacked_size(data: bytes) -> int | None:
    """The sum of the sizes the archive's members declare, or None when ``data`` is no zip
    archive that can be read (the library that opens it says what is wrong with it)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return sum(item.file_size for item in archive.infolist())
    except (zipfile.BadZipFile, zlib.error, struct.error, EOFError, OSError, ValueError, KeyError):
        return None
