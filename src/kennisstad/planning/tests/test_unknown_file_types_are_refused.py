"""A file of a kind the importer does not read is refused naming its suffix and the formats it
reads; an empty file and a file over the size limit are refused naming the file. Control
characters a page or PDF holds are left out of the text (PostgreSQL stores no NUL)."""

import pytest

from kennisstad.core.imports import ImportRefused
from kennisstad.planning import document_formats
from kennisstad.planning.document_formats import document_text


@pytest.mark.parametrize(
    ("name", "suffix"), [("begroting.odt", ".odt"), ("Begroting.DOC", ".doc"), ("begroting", "")]
)
def test_an_unknown_suffix_is_refused_naming_it_and_the_formats_read(english, name, suffix):
    with pytest.raises(ImportRefused) as refused:
        document_text(b"Begroting 2018", name)
    assert str(refused.value) == (
        f"{name}: a {suffix or '(no suffix)'} file cannot be read; the formats read are "
        ".txt, .md, .html, .htm, .docx, .pdf."
    )


@pytest.mark.parametrize("name", ["leeg.txt", "leeg.html", "leeg.docx", "leeg.pdf"])
def test_an_empty_file_is_refused(english, name):
    with pytest.raises(ImportRefused, match=rf"^{name}: the file is empty$"):
        document_text(b" \n", name)


def test_a_page_without_text_is_refused(english):
    with pytest.raises(ImportRefused, match=r"^menu\.html: the file contains no text\.$"):
        document_text(b"<html><nav>Home</nav><script>x()</script></html>", "menu.html")


@pytest.mark.parametrize("name", ["groot.txt", "groot.pdf"])
def test_a_file_over_the_size_limit_is_refused(english, monkeypatch, name):
    monkeypatch.setattr(document_formats, "MAX_BYTES", 10)
    with pytest.raises(ImportRefused, match=rf"^{name}: the file is larger than 0 MB"):
        document_text(b"Begroting 2018", name)


def test_a_text_file_that_is_not_utf_8_is_refused_naming_it(english):
    with pytest.raises(ImportRefused, match=r"^hoofdstuk\.txt: The file is not UTF-8 text"):
        document_text("Begroting 2018 – Groningen".encode("cp1252"), "hoofdstuk.txt")


def test_control_characters_are_left_out_of_a_page():
    page = b"<p>Bezoekers\x00\x07\x1b</p><table><tr><td>a<td>b</table>"
    assert document_text(page, "pagina.html") == "Bezoekers\n\na\tb"
