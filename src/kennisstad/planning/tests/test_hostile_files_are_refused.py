"""A damaged or hostile upload is refused naming the file (``ImportRefused``), never a server
error: a page nested thousands of elements deep is read, a table row spanning more columns than
any table has is refused, a merged cell's span is bounded, and an error no reader expected
(from pypdf, python-docx or the reading itself) is a refusal too."""

import io
import time

import docx
import pytest

from kennisstad.core.imports import ImportRefused
from kennisstad.planning import document_format_pdf
from kennisstad.planning.document_formats import MAX_COLUMNS, MAX_SPAN, document_text
from kennisstad.planning.tests.pdf_files import pdf_file


def test_a_page_nested_ten_thousand_deep_is_read(english):
    page = b"<div>" * 10_000 + b"Programma 1" + b"</div>" * 10_000
    assert document_text(page, "diep.html") == "Programma 1"


def test_a_huge_colspan_is_bounded(english):
    page = b'<table><tr><td colspan="999999">Lasten<td>12</table>'
    assert document_text(page, "breed.html") == "Lasten" + "\t" * MAX_SPAN + "12"


def test_a_row_wider_than_any_table_is_refused(english):
    page = b"<table><tr>" + b'<td colspan="100">x' * 20 + b"</table>"
    with pytest.raises(
        ImportRefused, match=rf"^breed.html: a table row has more than {MAX_COLUMNS}"
    ):
        document_text(page, "breed.html")


def test_hidden_elements_nested_deep_are_read_in_linear_time(english):
    page = b"<div hidden>" * 150 + b"<p>x</p>" * 20_000
    started = time.monotonic()
    with pytest.raises(ImportRefused, match="contains no text"):
        document_text(page, "verborgen.html")
    assert time.monotonic() - started < 5


def test_rows_wrapped_deep_in_a_table_are_found_in_linear_time(english):
    page = b"<table>" + b"<div>" * 150 + b"<p>" * 20_000 + b"<tr><td>Lasten<td>12</table>"
    started = time.monotonic()
    assert document_text(page, "omhuld.html").endswith("Lasten\t12")
    assert time.monotonic() - started < 5


def _word_file(span: int) -> bytes:
    document = docx.Document()
    cell = document.add_table(rows=1, cols=2).cell(0, 0)
    cell.text = "Lasten"
    cell._tc.get_or_add_tcPr().get_or_add_gridSpan().val = span
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_huge_grid_span_in_a_word_file_is_bounded(english):
    text = document_text(_word_file(999_999_999), "breed.docx")
    assert text == "Lasten" + "\t" * MAX_SPAN


def test_a_pdf_whose_parsing_raises_an_unexpected_error_is_refused(english, monkeypatch):
    class Unexpected(Exception):
        pass

    def broken(*args, **kwargs):
        raise Unexpected("boom")

    monkeypatch.setattr(document_format_pdf, "PdfReader", broken)
    with pytest.raises(ImportRefused, match=r"^kapot.pdf: it is not a readable \.pdf file$"):
        document_text(pdf_file([[(72, 700, "Begroting")]]), "kapot.pdf")


def test_a_recursion_error_while_reading_is_refused(english, monkeypatch):
    def too_deep(data):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr("kennisstad.planning.document_format_html.html_text", too_deep)
    with pytest.raises(ImportRefused, match=r"^diep.html: it is not a readable \.html file$"):
        document_text(b"<p>x</p>", "diep.html")
