"""What a file is comes from its bytes, not its name: a program called ``.pdf`` is refused by
name, and so are markup a browser would run and a name that promises another kind."""

import io

import pytest
from django.core.exceptions import ValidationError

from kennisstad.attachments import content_check

from .factories import ELF_BYTES, EXE_BYTES, PDF_BYTES, PNG_BYTES, office_bytes, open_document_bytes


def kind(name, content):
    return content_check.detect(io.BytesIO(content), name)


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("verslag.pdf", PDF_BYTES, "application/pdf"),
        ("foto.PNG", PNG_BYTES, "image/png"),
        ("foto.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 20, "image/jpeg"),
        ("memo.docx", office_bytes("word/document.xml"), content_check.DOCX.content_type),
        ("cijfers.xlsx", office_bytes("xl/workbook.xml"), content_check.XLSX.content_type),
        ("dia.pptx", office_bytes("ppt/presentation.xml"), content_check.PPTX.content_type),
        ("brief.odt", open_document_bytes(), content_check.ODT.content_type),
        ("lijst.csv", "naam;plaats\nÅsa;Groningen\n".encode(), "text/plain"),
        ("notitie.txt", b"Gewoon tekst.\n", "text/plain"),
    ],
)
def test_accepted_kinds(name, content, content_type):
    assert kind(name, content).content_type == content_type


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("begroting.pdf", EXE_BYTES, "program"),
        ("begroting.pdf", ELF_BYTES, "program"),
        ("run.txt", b"#!/bin/sh\nrm -rf /\n", "program"),
        ("pagina.txt", b"<!DOCTYPE html><script>alert(1)</script>", "not_accepted"),
        ("logo.png", b'<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>', "not_accepted"),
        (
            "archief.docx",
            office_bytes("other.xml").replace(b"[Content_Types]", b"[Nothing_Here]"),
            "not_accepted",
        ),
        ("binair.txt", b"abc\x00def", "not_accepted"),
        ("memo.pdf", b"Gewoon tekst.\n", "mismatch"),
        ("foto.pdf", PNG_BYTES, "mismatch"),
    ],
)
def test_refused_files_name_the_file_and_why(name, content, code):
    with pytest.raises(ValidationError) as refused:
        kind(name, content)
    error = refused.value.error_list[0]
    assert name in error.messages[0]
    assert error.code == code
