"""The content check looks further than the first bytes: macro-enabled office files (also when
renamed to .docx), OpenDocument with Basic or scripts or a program inside, old Office and
Outlook files (OLE2), text with a NUL or invalid UTF-8 anywhere (not only in its first 8 KB),
text that starts with markup (also after a byte-order mark), and .eml are refused; a name
without an extension gets a message that says so."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError

from kennisstad.attachments import content_check

from .factories import office_bytes


def zipped(entries):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            archive.writestr(name, data)
    return buffer.getvalue()


def refusal(name, content):
    with pytest.raises(ValidationError) as refused:
        content_check.detect(io.BytesIO(content), name)
    return refused.value.error_list[0]


ODT_MIMETYPE = ("mimetype", "application/vnd.oasis.opendocument.text")
MACRO_TYPES = (
    '<Types><Override PartName="/word/document.xml" '
    'ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/></Types>'
)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        (
            "rapport.docx",
            zipped(
                [
                    ("[Content_Types].xml", "<Types/>"),
                    ("word/document.xml", "<w/>"),
                    ("word/vbaProject.bin", b"\xd0\xcf\x11\xe0 VBA"),
                ]
            ),
        ),
        (
            "begroting.xlsx",
            zipped(
                [
                    ("[Content_Types].xml", "<Types/>"),
                    ("xl/workbook.xml", "<w/>"),
                    ("xl/vbaProject.bin", b"x"),
                ]
            ),
        ),
        ("nota.odt", zipped([ODT_MIMETYPE, ("Basic/Standard/Module1.xml", "<script:module/>")])),
        ("nota.odt", zipped([ODT_MIMETYPE, ("Scripts/python/run.py", "import os")])),
        ("nota.odt", zipped([ODT_MIMETYPE, ("payload.exe", b"MZ" + b"\0" * 100)])),
        ("nota.odt", zipped([ODT_MIMETYPE, ("Pictures/logo.png", b"\x7fELF" + b"\0" * 100)])),
    ],
)
def test_macros_and_programs_inside_a_document_are_refused(name, content):
    assert refusal(name, content).code == "macros"


def test_a_macro_enabled_content_type_is_refused():
    content = zipped([("[Content_Types].xml", MACRO_TYPES), ("word/document.xml", "<w/>")])
    assert refusal("rapport.docx", content).code == "not_accepted"


def test_a_plain_office_file_is_still_taken():
    assert content_check.detect(io.BytesIO(office_bytes()), "memo.docx") is content_check.DOCX


def test_ole2_files_are_refused_with_a_reason():
    error = refusal("mail.msg", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    assert error.code == "not_accepted" and ".msg" in error.messages[0]


@pytest.mark.parametrize(
    "content",
    [
        b"a" * 8192 + b"\x7fELF" + b"\x00" * 5000,
        b"a" * 20000 + b"\xff\xfe",
        b"a" * 8190 + b"\xe2\x82",  # ends inside a character
        b"\xef\xbb\xbf<html><script>alert(1)</script></html>",
        b"<!-- x --><html><script>alert(1)</script>",
        b"<a:html xmlns:a='http://www.w3.org/1999/xhtml'><a:script/></a:html>",
        b"  \n<svg onload=alert(1)>",
    ],
)
def test_text_is_checked_from_first_to_last_byte(content):
    assert refusal("notitie.txt", content).code == "not_accepted"


def test_long_text_with_characters_across_chunks_is_taken():
    content = ("é" * 700_000).encode()  # 1.4 MB: characters split over the read chunks
    assert content_check.detect(io.BytesIO(content), "lang.txt") is content_check.TEXT


def test_eml_is_no_longer_taken():
    assert refusal("bericht.eml", b"From: a@b\r\nSubject: x\r\n\r\nhallo\r\n").code == "mismatch"


def test_a_name_without_an_extension_is_told_so():
    error = refusal("README", b"hallo")
    assert error.code == "mismatch"
    assert "“.”" not in error.messages[0] and ".txt" in error.messages[0]
