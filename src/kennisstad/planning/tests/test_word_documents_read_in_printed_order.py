"""A Word document is read in the order it is printed, paragraphs and tables as they alternate:
a heading or paragraph on a line, list items with "- ", each table row on one line with its
cells joined by a TAB (a merged cell once, empty cells after it so the next stay in their
column). A file that is no Word document, or that unpacks to more than the limit, is refused
before python-docx opens it, naming the file."""

import io
import zipfile

import docx
import pytest

from kennisstad.core.imports import ImportRefused
from kennisstad.planning import document_formats
from kennisstad.planning.document_formats import document_text


def word_file(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def chapter_document():
    document = docx.Document()
    document.add_heading("2.1.4 (Inter)nationaal promoten van onze kennissectoren", level=2)
    document.add_paragraph("Met onze kennisinstellingen bouwen we Groningen verder.")
    document.add_paragraph("Prestatie-indicatoren")
    table = document.add_table(rows=4, cols=4)
    rows = [
        ["", "Behaald 2016", "Begroting 2017", "Beoogd 2018"],
        ["Aantal samenwerkingsprojecten", "2", "> 2", "> 5"],
        ["Aantal profileringsprojecten", "n.v.t.", "", "≥ 5"],
        ["Bezoekers", "1.200", "1.350", "1.500"],
    ]
    for number, row in enumerate(rows):
        for column, text in enumerate(row):
            table.cell(number, column).text = text
    table.cell(2, 1).merge(table.cell(2, 2))  # "n.v.t." over two years
    document.add_paragraph("* Bron: eigen telling.")
    document.add_heading("Wat gaan we hiervoor doen?", level=3)
    document.add_paragraph("Samenwerkingsprojecten ontwikkelen;", style="List Bullet")
    document.add_paragraph("Profileringsprojecten uitdragen.", style="List Bullet")
    return document


def test_paragraphs_and_tables_are_read_in_printed_order():
    assert document_text(word_file(chapter_document()), "hoofdstuk.docx").split("\n") == [
        "2.1.4 (Inter)nationaal promoten van onze kennissectoren",
        "",
        "Met onze kennisinstellingen bouwen we Groningen verder.",
        "",
        "Prestatie-indicatoren",
        "",
        "\tBehaald 2016\tBegroting 2017\tBeoogd 2018",
        "Aantal samenwerkingsprojecten\t2\t> 2\t> 5",
        "Aantal profileringsprojecten\tn.v.t.\t\t≥ 5",
        "Bezoekers\t1.200\t1.350\t1.500",
        "",
        "* Bron: eigen telling.",
        "",
        "Wat gaan we hiervoor doen?",
        "",
        "- Samenwerkingsprojecten ontwikkelen;",
        "- Profileringsprojecten uitdragen.",
    ]


def test_a_cell_merged_down_is_read_once_in_its_first_row():
    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    for number, row in enumerate([["Bezoekers", "1.200", "Eigen telling"], ["", "1.350", ""]]):
        for column, text in enumerate(row):
            table.cell(number, column).text = text
    table.cell(0, 2).merge(table.cell(1, 2))
    assert document_text(word_file(document), "tabel.docx").split("\n") == [
        "Bezoekers\t1.200\tEigen telling",
        "\t1.350\t",
    ]


@pytest.mark.parametrize(
    "data",
    [b"Dit is gewoon tekst, geen Word-bestand.", b"PK\x03\x04kapot", b"%PDF-1.4\n"],
)
def test_a_file_that_is_no_word_document_is_refused(english, data):
    with pytest.raises(ImportRefused, match=r"^verslag\.docx: .*Word document"):
        document_text(data, "verslag.docx")


def test_a_zip_that_is_no_word_document_is_refused(english):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("readme.txt", "geen Word-bestand")
    with pytest.raises(ImportRefused, match=r"^verslag\.docx: .*Word document"):
        document_text(out.getvalue(), "verslag.docx")


def test_a_word_file_that_unpacks_too_far_is_refused_before_it_is_opened(english, monkeypatch):
    data = word_file(chapter_document())
    opened = []
    monkeypatch.setattr(document_formats, "MAX_UNPACKED_BYTES", 10_000)
    monkeypatch.setattr(docx, "Document", lambda *args: opened.append(args))
    with pytest.raises(ImportRefused, match=r"^bom\.docx: .*unpacks to more than"):
        document_text(data, "bom.docx")
    assert not opened


def test_a_zip_bomb_is_refused_by_the_sizes_it_declares(english):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * 101_000_000)
    data = out.getvalue()
    assert len(data) < 1_000_000
    with pytest.raises(ImportRefused, match="unpacks to more than 100 MB"):
        document_text(data, "bom.docx")


def test_a_raised_footnote_number_stays_apart_from_the_value():
    document = docx.Document()
    paragraph = document.add_paragraph("Bezoekers\t25.942")
    paragraph.add_run("1").font.superscript = True
    paragraph.add_run("\tCO")
    paragraph.add_run("2").font.subscript = True
    assert document_text(word_file(document), "voetnoot.docx") == "Bezoekers\t25.942¹\tCO₂"


def test_a_content_control_is_read_in_place_and_deleted_text_is_not():
    from docx.oxml import OxmlElement

    document = docx.Document()
    document.add_paragraph("Eerst")
    wrapped = document.add_paragraph("In een inhoudsbesturingselement")
    document.add_paragraph("Daarna")
    control, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
    wrapped._p.addprevious(control)
    control.append(content)
    content.append(wrapped._p)
    deleted = OxmlElement("w:del")
    run, text = OxmlElement("w:r"), OxmlElement("w:delText")
    text.text = " geschrapt"
    run.append(text)
    deleted.append(run)
    document.paragraphs[-1]._p.append(deleted)
    assert document_text(word_file(document), "besturing.docx") == (
        "Eerst\n\nIn een inhoudsbesturingselement\n\nDaarna"
    )


def test_a_row_aligned_with_tabs_is_a_row_and_an_indent_is_not():
    document = docx.Document()
    document.add_paragraph("\tBehaald 2016\t\tBeoogd 2018")
    document.add_paragraph("Bezoekers \t 1.200\t\t\t> 1.500")
    document.add_paragraph("\tIngesprongen tekst.")
    assert document_text(word_file(document), "tabs.docx").split("\n\n") == [
        "\tBehaald 2016\tBeoogd 2018",
        "Bezoekers\t1.200\t> 1.500",
        "Ingesprongen tekst.",
    ]
