"""A PDF is read page by page with its table's columns kept apart (cells joined by a TAB), its
running header printed once and its footer and page numbers left out. A PDF that needs a
password, that holds no text (a scan) or that is no PDF is refused, naming the file and saying
to copy the text from the municipality's site instead."""

import io

import pytest
from pypdf import PdfReader, PdfWriter

from kennisstad.core.imports import ImportRefused
from kennisstad.planning import document_format_pdf
from kennisstad.planning.document_formats import document_text
from kennisstad.planning.tests.pdf_files import pdf_file

NAME_X, FIRST_YEAR_X, YEAR_STEP = 50, 330, 80


def page(number: int, blocks: list[list[list[str]]]) -> list[tuple[float, float, str]]:
    """A page with the running header and footer; ``blocks`` of lines of cells."""
    texts = [(50, 810, "Begroting 2018"), (400, 810, "Gemeente Groningen")]
    y = 770
    for block in blocks:
        for cells in block:
            texts.extend(
                (NAME_X if column == 0 else FIRST_YEAR_X + YEAR_STEP * (column - 1), y, text)
                for column, text in enumerate(cells)
                if text
            )
            y -= 14
        y -= 14
    texts.append((50, 30, "Programma 2 Economie en werkgelegenheid"))
    texts.append((290, 16, f"- {number} -" if number == 2 else str(number)))
    return texts


def chapter_pdf() -> bytes:
    first = [
        [["2.1.4 (Inter)nationaal promoten van onze kennissectoren"]],
        [["Met onze kennisinstellingen bouwen we Groningen verder als economische regio."]],
        [["Prestatie-indicatoren"]],
        [
            ["", "Behaald 2016", "Begroting 2017", "Beoogd 2018"],
            ["Aantal samenwerkingsprojecten", "2", "> 2", "> 5"],
            ["Aantal profileringsprojecten", "-", "2", "> 5"],
        ],
    ]
    second = [[["Hoe staan we ervoor?"]], [["Groningen is een internationale kennisstad."]]]
    third = [[["Wat willen we bereiken in 2018?"]], [["Meer samenwerking."]]]
    return pdf_file([page(1, first), page(2, second), page(3, third)])


def test_the_text_comes_out_with_its_table_columns_and_without_page_furniture():
    lines = [line for line in document_text(chapter_pdf(), "begroting.pdf").split("\n") if line]
    assert lines == [
        "Begroting 2018\tGemeente Groningen",
        "2.1.4 (Inter)nationaal promoten van onze kennissectoren",
        "Met onze kennisinstellingen bouwen we Groningen verder als economische regio.",
        "Prestatie-indicatoren",
        "\tBehaald 2016\tBegroting 2017\tBeoogd 2018",
        "Aantal samenwerkingsprojecten\t2\t> 2\t> 5",
        "Aantal profileringsprojecten\t-\t2\t> 5",
        "Hoe staan we ervoor?",
        "Groningen is een internationale kennisstad.",
        "Wat willen we bereiken in 2018?",
        "Meer samenwerking.",
    ]


def encrypted(data: bytes, *, user_password: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=user_password, owner_password="eigenaar", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_pdf_that_needs_a_password_is_refused(english):
    data = encrypted(chapter_pdf(), user_password="geheim")
    with pytest.raises(ImportRefused, match=r"^begroting\.pdf: the PDF is encrypted"):
        document_text(data, "begroting.pdf")


def test_a_pdf_protected_only_against_changes_is_read():
    data = encrypted(chapter_pdf(), user_password="")
    assert "Aantal samenwerkingsprojecten\t2\t> 2\t> 5" in document_text(data, "begroting.pdf")


def test_a_pdf_without_text_is_refused(english):
    data = pdf_file([[], []])  # pages of images, as a scan gives
    with pytest.raises(ImportRefused) as refused:
        document_text(data, "scan.pdf")
    assert str(refused.value) == (
        "scan.pdf: the PDF contains no text (it is a scan or an image); copy the text from the "
        "website instead"
    )


@pytest.mark.parametrize(
    "data", [b"Begroting 2018\n", b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog", b"\x00" * 64]
)
def test_a_file_that_is_no_readable_pdf_is_refused(english, data):
    with pytest.raises(ImportRefused, match=r"^kapot\.pdf: it is not a"):
        document_text(data, "kapot.pdf")


def test_a_pdf_with_too_many_pages_is_refused(english, monkeypatch):
    monkeypatch.setattr(document_format_pdf, "MAX_PAGES", 2)
    with pytest.raises(ImportRefused, match="more than 2 pages"):
        document_text(chapter_pdf(), "begroting.pdf")


def test_a_justified_line_is_prose_and_a_row_of_years_is_a_row():
    words = "Met onze kennisinstellingen en de aanwezige bedrijven bouwen we verder"
    years = [(50 + 80 * column, 680, str(2015 + column)) for column in range(1, 5)]
    texts = [(50, 700, words, 600), *years]  # each space widened by 6 points
    lines = [line for line in document_text(pdf_file([texts]), "breed.pdf").split("\n") if line]
    assert lines == [words, "\t2016\t2017\t2018\t2019"]
