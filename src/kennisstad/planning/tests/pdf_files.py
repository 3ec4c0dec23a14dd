"""Small PDF files written by hand for the tests: each page a list of (x, y, text) drawn in
Helvetica with the text operators, as a publisher's PDF draws a table's cells."""

import zlib


def _escaped(text: str) -> bytes:
    raw = text.encode("cp1252")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _content(texts: list[tuple]) -> bytes:
    """(x, y, text) drawn as one string; (x, y, text, extra) with each space widened by
    ``extra`` thousandths of the font size, as a justified line is drawn."""
    operations = [b"BT /F1 10 Tf"]
    for x, y, text, *extra in texts:
        if extra:
            words = (b"(%s )" % _escaped(word) for word in text.split())
            shown = b"[%s] TJ" % (b" -%d " % extra[0]).join(words)
        else:
            shown = b"(%s) Tj" % _escaped(text)
        operations.append(b"1 0 0 1 %.1f %.1f Tm %s" % (x, y, shown))
    operations.append(b"ET")
    return b"\n".join(operations)


def pdf_file(pages: list[list[tuple[float, float, str]]], *, compress: bool = True) -> bytes:
    """A PDF 1.4 file of A4 pages; a page without texts is a page without text (a scan)."""
    objects: list[bytes] = [b"", b""]  # 1: catalog, 2: pages, 3: font, then page + content
    objects.append(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    kids = []
    for texts in pages:
        stream = _content(texts)
        if compress:
            stream = zlib.compress(stream)
        page_number, content_number = len(objects) + 1, len(objects) + 2
        kids.append(b"%d 0 R" % page_number)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % content_number
        )
        filters = b" /Filter /FlateDecode" if compress else b""
        objects.append(
            b"<< /Length %d%s >>\nstream\n%s\nendstream" % (len(stream), filters, stream)
        )
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def table_page(header: str, rows: list[list[str]], footer: str, *, top: float = 780) -> list:
    """A page with a header line, a table (one column every 120 points) and a footer line."""
    texts = [(50, 810, header)]
    for number, row in enumerate(rows):
        y = top - 16 * number
        texts.extend((50 + 120 * column, y, cell) for column, cell in enumerate(row) if cell)
    texts.append((280, 30, footer))
    return texts
