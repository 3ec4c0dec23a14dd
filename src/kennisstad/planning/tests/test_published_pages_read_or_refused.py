"""What municipalities' P&C sites and PDFs print, beyond the layout documents: the begroting
chapter of document 13 as a real two-page PDF (running header, page numbers, the chapter's
heading repeated at the top of page 2 between two rows) reads the same as its text; what the
reader cannot read with certainty is refused with its line and a reason its author can act
on; columns printed to compare with are shown, never imported as the municipality's values."""

import pytest

from kennisstad.indicators.models import Indicator, Realisation, Target, Unit
from kennisstad.planning.chapter_text_parts import ChapterFormatError
from kennisstad.planning.document_import import import_document
from kennisstad.planning.document_reader import read_document
from kennisstad.planning.document_reading import read_file
from kennisstad.planning.tests.pdf_files import pdf_file
from kennisstad.planning.tests.published_layouts import EXPECTED, LAYOUTS, NOTES
from kennisstad.planning.tests.test_published_layouts_read_cell_by_cell import as_printed

PDF_TEXT = "13-begroting-2018-pdf-page-break.txt"
COLUMNS = (50, 330, 430, 530)  # where the page prints the name and the three cells


def _page(lines: list[str], number: int) -> list[tuple[float, float, str]]:
    texts = [(50, 810, "Begroting 2018"), (420, 810, "Gemeente Groningen")]
    for index, line in enumerate(lines):
        cells = line.split("\t")
        texts.extend(
            (COLUMNS[column], 780 - 14 * index, cell) for column, cell in enumerate(cells) if cell
        )
    texts.append((290, 30, str(number)))
    return texts


def test_a_begroting_chapter_as_a_pdf_reads_as_its_text():
    lines = (LAYOUTS / PDF_TEXT).read_text(encoding="utf-8").splitlines()
    page_break = lines.index(lines[4], 5)  # the chapter's heading again, atop page 2
    data = pdf_file([_page(lines[2:page_break], 1), _page(lines[page_break:], 2)])
    document = read_file(data, "begroting-2018-h2.pdf")
    assert as_printed(document) == EXPECTED[PDF_TEXT]
    assert [t.note for t in document.chapters[0].tables if t.note] == NOTES[PDF_TEXT]


def refusal(text: str, *, kind: str = "begroting", year: int = 2018) -> ChapterFormatError:
    with pytest.raises(ChapterFormatError) as refused:
        read_document(text, kind=kind, year=year)
    return refused.value


CHAPTER = "2.1.4 Kennisstad\n\nWat willen we bereiken?\n\nMeer kennis in de stad.\n\n"


def test_a_header_with_single_spaces_between_its_cells_is_refused_with_how_to_fix_it(english):
    for table in (
        "Prestatie-indicatoren\nIndicator Behaald 2016 Beoogd 2018\nAantal projecten 2 5\n",
        "Indicator Behaald 2016 Beoogd 2018\nAantal projecten 2 5\n",  # without its label
    ):
        error = refusal(CHAPTER + table)
        assert error.line == table.count("\n", 0, table.index("Indicator")) + 7
        assert "single spaces between the cells" in str(error)
        assert "Put a TAB (or two spaces) between the cells" in str(error)


def test_another_chapters_heading_between_two_rows_is_refused(english):
    text = CHAPTER + (
        "Prestatie-indicatoren\nIndicator\tBehaald 2016\tBeoogd 2018\nAantal A\t1\t2\n\n"
        "2.1.5 Toerisme\n\nAantal B\t3\t4\n"
    )
    error = refusal(text)
    assert error.line == 11
    assert "stands between two rows of a table" in str(error)


def test_a_range_where_an_achieved_value_stands_is_refused(english):
    text = CHAPTER + (
        "Prestatie-indicatoren\nOmschrijving indicator/ kengetal\tRealisatie 2016\tDoel 2018\n"
        "Groenbeheer op beeld\t6- 6,5*\t6,5- 7*\n"
    )
    error = refusal(text)
    assert error.line == 9
    assert "is an achieved value, but the cell holds a target" in str(error)


def test_a_name_broken_over_an_empty_row_is_one_name():
    text = CHAPTER + (
        "Prestatie-indicatoren\nIndicator\tBehaald 2016\tBeoogd 2018\n"
        "Aantal samenwerkingsprojecten op het gebied van\t\t\nkennis en innovatie\t2\t> 5\n"
        "Aantal bezoekers\t1.200\t1.300\n"
    )
    rows = read_document(text, kind="begroting", year=2018).chapters[0].tables[0].rows
    assert [(row.name, [cell.text for cell in row.cells]) for row in rows] == [
        ("Aantal samenwerkingsprojecten op het gebied van kennis en innovatie", ["2", "> 5"]),
        ("Aantal bezoekers", ["1.200", "1.300"]),
    ]


def test_a_programme_numbered_with_one_number_titles_its_chapters():
    text = "2 Economie\n\n2.1 Kennisstad\n\nPrestatie-indicatoren\nIndicator\tBeoogd 2018\nA\t5\n"
    chapter = read_document(text, kind="begroting", year=2018).chapters[0]
    assert (chapter.code, chapter.title, chapter.programme_title) == (
        "2.1",
        "Kennisstad",
        "Economie",
    )


def test_a_chapter_numbered_with_one_number_printed_twice_is_refused(english):
    chapter = "3 Economie\n\nWat willen we bereiken?\n\nMeer banen.\n\n"
    error = refusal(chapter + chapter.replace("Economie", "Werk en inkomen"))
    assert (error.line, "chapter 3 is printed twice (first on line 1)" in str(error)) == (7, True)


@pytest.mark.django_db
def test_comparison_columns_are_kept_as_printed_and_not_imported():
    name = "14-jaarverslag-2019-programmes-numbered.txt"
    document = read_file((LAYOUTS / name).read_bytes(), name)
    report = import_document(printed=document)
    assert report.refusals == []
    economy = document.chapters[2].tables[0]
    assert economy.columns[3].title == "Landelijk gemiddelde 2019"
    realised = Realisation.objects.filter(indicator__name_nl="Functiemenging")
    targets = Target.objects.filter(indicator__name_nl="Functiemenging")
    # 51% (2018) and 51,6% (2019) are the municipality's; 53,1% is the national average
    assert {(r.year, float(r.value)) for r in realised} == {(2018, 51.0), (2019, 51.6)}
    assert {(t.year, float(t.value)) for t in targets} == {(2019, 52.0)}
    # "Realisatie 2019 (%)": the header says what its cells "87" and "76" count
    measured = Indicator.objects.get(name_nl="Uitrukken binnen de normtijd")
    assert measured.unit == Unit.PERCENTAGE


def test_a_row_after_a_page_break_is_counted_not_lost(english):
    text = CHAPTER + (
        "Prestatie-indicatoren\nIndicator\tBehaald 2016\tBeoogd 2018\nAantal A\t1\t2\n\n"
        "2.1.4 Kennisstad\n\nAantal bezoekers van het loket1.850\t2.400\n"
    )
    error = refusal(text)
    assert error.line == 13
    assert "this row has 2 cells where the table's header has 3" in str(error)


def test_a_pdf_row_with_a_single_space_between_two_cells_is_refused_with_how_to_fix_it(english):
    text = CHAPTER + (
        "Prestatie-indicatoren\n\n"
        "Indicator                 Behaald 2016   Beoogd 2018\n"
        "Aantal projecten          2 5\n"
    )
    error = refusal(text)
    assert error.line == 10
    assert "two cells with a single space between them read as one" in str(error)


@pytest.mark.parametrize(
    "header",
    [
        "Begroting 2018\t\tGemeente Groningen",
        "Gemeente Groningen\t\tBegroting 2018",
        "Begroting 2018 - gemeente Groningen\t12",
    ],
)
def test_a_pdf_running_header_is_the_document_title(header):
    text = f"{header}\n\n{CHAPTER}Prestatie-indicatoren\nIndicator\tBeoogd 2018\nA\t5\n\n{header}\n"
    document = read_document(text)
    assert (document.kind, document.year, document.title_line) == ("begroting", 2018, 1)
    assert [chapter.code for chapter in document.chapters] == ["2.1.4"]


def test_a_pdf_header_on_two_tab_lines_reads_its_words_over_their_years():
    text = CHAPTER + "Prestatie-indicatoren\n\tBehaald\tBeoogd\n\t2015\t2016\nAantal A\t4\t> 5\n"
    table = read_document(text, kind="jaarstukken", year=2016).chapters[0].tables[0]
    assert [(c.label, c.year, c.kind) for c in table.columns] == [
        ("Behaald", 2015, "realisation"),
        ("Beoogd", 2016, "target"),
    ]


ONE_CELL_PER_LINE = (
    "Begroting 2018\n\n2.1.4 Kennisstad\n\nPrestatie-indicatoren\n\nIndicator\n\nBehaald 2016\n\n"
    "Beoogd 2018\n\nAantal A\n\n1\n\n2\n\n{heading}\n\nAantal B\n\n3\n\n4\n"
)


def test_one_cell_per_line_the_chapters_heading_atop_a_page_is_skipped():
    text = ONE_CELL_PER_LINE.format(heading="Begroting 2018\n\n2.1.4 Kennisstad")
    rows = read_document(text).chapters[0].tables[0].rows
    assert [(row.name, [cell.text for cell in row.cells]) for row in rows] == [
        ("Aantal A", ["1", "2"]),
        ("Aantal B", ["3", "4"]),
    ]


def test_one_cell_per_line_another_chapters_heading_between_rows_is_refused(english):
    error = refusal(ONE_CELL_PER_LINE.format(heading="2.1.5 Toerisme"))
    assert error.line == 19
    assert "“2.1.5 Toerisme” stands between two rows of a table" in str(error)


def test_a_web_pages_header_of_two_rows_reads_words_over_their_years():
    page = """<h1>3.1 Economie</h1><h2>Beleidsindicatoren</h2><table>
    <tr><td></td><td></td><th colspan="2">Realisatie</th><th>Begroting</th><td></td><td></td></tr>
    <tr><th>Indicator</th><th>Eenheid</th><th>2017</th><th>2018</th><th>2020</th><th>Nederland</th>
    <th>Bron</th></tr>
    <tr><td>Functiemenging</td><td>%</td><td>51,2</td><td>51,6</td><td>52</td><td>53,1</td>
    <td>LISA</td></tr></table>"""
    document = read_file(page.encode(), "economie.html", kind="begroting", year=2020)
    table = document.chapters[0].tables[0]
    assert [(c.label, c.year, c.kind) for c in table.columns] == [
        ("Eenheid", None, "text"),
        ("Realisatie", 2017, "realisation"),
        ("Realisatie", 2018, "realisation"),
        ("Begroting", 2020, "target"),
        ("Nederland", None, "comparison"),
        ("Bron", None, "text"),
    ]
    assert [cell.text for cell in table.rows[0].cells] == [
        "%",
        "51,2",
        "51,6",
        "52",
        "53,1",
        "LISA",
    ]


def test_a_pdf_header_of_two_lines_that_do_not_line_up_is_refused_saying_why(english):
    text = CHAPTER + (
        "Beleidsindicatoren\n\tRealisatie\tRealisatie\tBegroting\tBegroting\n"
        "Indicator\tEenheid\t2017\t2018\t2019\t2020\tBron\n"
        "Functiemenging\t%\t51,2\t51,6\t52\t52\tLISA\n"
    )
    error = refusal(text, year=2020)
    assert error.line == 8
    assert "printed on two lines whose cells do not line up" in str(error)


def test_a_page_headed_by_a_numbered_programme_takes_its_number_as_the_code():
    text = (
        "Jaarrekening 2019\n\n2. Wonen en openbare ruimte\n\n"
        "Terug naar navigatie - 2. Wonen en openbare ruimte\n\nALGEMEEN\n\nWonen en bouwen\n\n"
        "Iedereen woont hier prettig en betaalbaar.\n\nWat wilden we bereiken?\n\n"
        "Meer woningen voor starters.\n\nIndicatoren\n\n"
        "Terug naar navigatie - Indicatoren\n\n"
        "Indicator\tRealisatie 2018\tBegroting 2019\tRealisatie 2019\n"
        "Nieuw gebouwde woningen per 1.000 woningen\t9,1\t10\t11,4\n"
    )
    chapter = read_document(text).chapters[0]
    assert (chapter.code, chapter.title, chapter.introduction) == (
        "2",
        "Wonen en openbare ruimte",
        ["ALGEMEEN", "Wonen en bouwen", "Iedereen woont hier prettig en betaalbaar."],
    )
    assert [cell.text for cell in chapter.tables[0].rows[0].cells] == ["9,1", "10", "11,4"]
