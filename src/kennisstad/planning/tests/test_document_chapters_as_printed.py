"""How a text splits into chapters: coded headings, programme headings (their title is the
chapters'), titles without a code, a page without any heading; and the parts of a chapter
that hold no indicators ("Wat mag het kosten?" with its money table)."""

import pytest

from kennisstad.planning.chapter_text_parts import ChapterFormatError
from kennisstad.planning.document_reader import read_document

SECTION = "Wat willen we bereiken?\n\nMeer projecten.\n"


def test_a_programme_heading_with_an_introduction_titles_its_chapters():
    document = read_document(
        "Begroting 2020\n\nProgramma 2: Economie en werk\n\nHet programma in het kort.\n\n"
        f"2.1 Groningen Kennisstad\n\n{SECTION}\n2.2 Werk\n\n{SECTION}"
    )
    assert [(c.code, c.title, c.programme_title) for c in document.chapters] == [
        ("2.1", "Groningen Kennisstad", "Economie en werk"),
        ("2.2", "Werk", "Economie en werk"),
    ]


def test_a_coded_chapter_without_sections_or_tables_stays_a_chapter():
    document = read_document(f"Begroting 2020\n\n2.1 Kennis\n\nTekst.\n\n3.1 Werk\n\n{SECTION}")
    assert [(c.code, c.introduction) for c in document.chapters] == [
        ("2.1", ["Tekst."]),
        ("3.1", []),
    ]


def test_a_page_without_heading_must_start_with_a_short_title(english):
    with pytest.raises(ChapterFormatError) as refused:
        read_document(
            "Groningen is een stad van kennis en dat laten we graag zien.\n\n" + SECTION,
            kind="begroting",
            year=2020,
        )
    assert refused.value.line == 1 and "no chapter heading" in refused.value.message


def test_the_money_table_of_wat_mag_het_kosten_is_text():
    document = read_document(
        "Begroting 2018\n\n2.1.4 Kennisstad\n\nWat mag het kosten?\n\nLasten\n\nRekening 2016\n\n"
        "Begroting 2017\n\nBegroting 2018\n\n1.234\n\n1.300\n\n1.350\n\n2.1.5 Werk\n\n" + SECTION
    )
    first, second = document.chapters
    assert first.tables == [] and first.sections[0].kind == "other"
    assert "Begroting 2017" in "\n".join(first.sections[0].paragraphs)
    assert second.code == "2.1.5"


def test_a_bare_year_the_document_leaves_open_is_refused_on_its_line(english):
    with pytest.raises(ChapterFormatError) as refused:
        read_document(
            "Begroting 2020\n\n2.1 Kennis\n\nPrestatie-indicatoren\nIndicator\t2018\t2019\n"
            "Aantal projecten\t4\t5\n"
        )
    assert refused.value.line == 6 and "“2019”" in refused.value.message


def test_sentences_between_a_label_and_its_table_are_its_note():
    document = read_document(
        "Jaarstukken 2018\n\n2.1 Kennis\n\nEffectindicatoren\n\nDe cijfers komen uit de "
        "monitor kennisstad van de universiteit.\n\nIndicator\tBehaald 2018\nAantal\t4\n"
    )
    table = document.chapters[0].tables[0]
    assert table.note == "De cijfers komen uit de monitor kennisstad van de universiteit."
    assert table.rows[0].cells[0].text == "4"


def test_a_heading_repeated_as_a_page_header_is_skipped_another_chapter_twice_refused(english):
    text = f"Begroting 2020\n\n2.1 Kennis\n\n{SECTION}\n2.1 Kennis\n\nNog meer.\n"
    (chapter,) = read_document(text).chapters
    assert chapter.sections[0].paragraphs == ["Meer projecten.", "Nog meer."]
    with pytest.raises(ChapterFormatError) as refused:
        read_document(text + f"\n3.1 Werk\n\n{SECTION}\n2.1 Anders\n\n{SECTION}")
    assert refused.value.line == 19 and "printed twice (first on line 3)" in refused.value.message
