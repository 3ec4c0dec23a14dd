"""Tables printed one row per line (TAB, Markdown pipes, two or more spaces): the header with a
row-number column, an empty cell above the names, years on the line below; rows that do not
fit the header are refused with their line, never shifted."""

import pytest

from kennisstad.planning.chapter_text_parts import ChapterFormatError
from kennisstad.planning.document_reader import read_document

HEAD = "Jaarstukken 2018\n\n2.1.4 Kennisstad\n\nPrestatie-indicatoren\n"  # the table: line 6


def table_of(rows: list[str], **options):
    document = read_document(HEAD + "\n".join(rows) + "\n", **options)
    (table,) = document.chapters[0].tables
    return table


def test_numbers_an_empty_name_header_and_years_below():
    table = table_of(
        [
            "Nr\t\tBehaald\tBeoogd\tBron\tVoetnoot",
            "\t\t2017\t2018\t\t",
            "1\tAantal projecten\t4\t> 5\tGemeente\t1",
            "2.\tAantal bezoekers*\t1.250\t≥ 1.300\t\t",
        ]
    )
    assert [(c.label, c.year, c.kind) for c in table.columns] == [
        ("Behaald", 2017, "realisation"),
        ("Beoogd", 2018, "target"),
        ("Bron", None, "text"),
        ("Voetnoot", None, "text"),
    ]
    assert [(r.number, r.name, r.footnote, r.line) for r in table.rows] == [
        ("1", "Aantal projecten", "", 8),
        ("2", "Aantal bezoekers", "*", 9),
    ]
    assert [c.text for c in table.rows[0].cells] == ["4", "> 5", "Gemeente", "1"]
    assert [c.text for c in table.rows[1].cells] == ["1.250", "≥ 1.300", "", ""]


def test_pipes_with_numbered_names_and_a_blank_line_between_rows():
    table = table_of(
        [
            "| Indicator | Realisatie (2017) | Doel 2018 |",
            "| :-- | --: | --: |",
            "| 1. Aantal projecten | 4 | 5 tot 7 |",
            "",
            "| 2. Aantal bezoekers | n.v.t. | NTB |",
        ]
    )
    assert [(c.label, c.year) for c in table.columns] == [("Realisatie", 2017), ("Doel", 2018)]
    assert [(r.number, r.name) for r in table.rows] == [
        ("1", "Aantal projecten"),
        ("2", "Aantal bezoekers"),
    ]
    assert table.rows[0].cells[1].value.value_high == 7


def test_spaces_as_copied_from_a_pdf():
    table = table_of(
        [
            "Indicator                     2017      Beoogd 2018",
            "Aantal projecten met partners  4         > 5",
        ]
    )
    assert [(c.label, c.year, c.kind) for c in table.columns] == [
        ("", 2017, "realisation"),
        ("Beoogd", 2018, "target"),
    ]
    assert table.rows[0].name == "Aantal projecten met partners"


def test_two_tables_without_label_one_after_the_other():
    document = read_document(
        HEAD + "Indicator\tBehaald 2018\nAantal projecten\t4\n\nIndicator\tBeoogd 2019\n"
        "Aantal bezoekers\t1.300\n"
    )
    first, second = document.chapters[0].tables
    assert (first.label, second.label, second.kind) == ("Prestatie-indicatoren", "", "performance")
    assert second.rows[0].name == "Aantal bezoekers"


@pytest.mark.parametrize(
    ("rows", "line", "words"),
    [
        (["Indicator\tBehaald 2018\tBeoogd 2019", "Aantal projecten\t4"], 7, "has 2 cells"),
        (["Indicator\tBehaald 2018", "Aantal projecten\t4\t5"], 7, "has 3 cells"),
        (["Indicator\tGemeten 2018\tBeoogd 2019", "Aantal\t4\t5"], 6, "unknown column header"),
        (["| Indicator | Behaald 2018 |", "|---|---|", "| | 4 |"], 8, "no indicator name"),
        (["Nr\tIndicator\tBehaald 2018", "x\tAantal\t4"], 7, "expected the row's number"),
        (["Indicator\tBehaald 2018"], 6, "no rows"),
    ],
)
def test_a_row_that_does_not_fit_is_refused_with_its_line(english, rows, line, words):
    with pytest.raises(ChapterFormatError) as refused:
        table_of(rows)
    assert (refused.value.line, words in refused.value.message) == (line, True)


def test_a_label_in_the_cell_above_the_names_is_the_tables():
    document = read_document(
        "Jaarstukken 2018\n\n2.1.4 Kennisstad\n\nWat wilden we bereiken?\n\nMeer.\n\n"
        "Effectindicatoren\tBehaald 2017\tBehaald 2018\nWaardering\t7,1\t7,3\n"
    )
    (table,) = document.chapters[0].tables
    assert (table.label, table.kind, table.line) == ("Effectindicatoren", "effect", 9)
    assert [c.title for c in table.columns] == ["Behaald 2017", "Behaald 2018"]


def test_a_header_word_merged_over_the_years_below_it():
    table = table_of(
        [
            "Indicator\tBehaald\t\tBeoogd\tBron",
            "\t2016\t2017\t2018\t",
            "Aantal projecten\t2\t4\t> 5\tGemeente",
        ]
    )
    assert [c.title for c in table.columns] == [
        "Behaald 2016",
        "Behaald 2017",
        "Beoogd 2018",
        "Bron",
    ]
    assert table.rows[0].line == 8


def test_years_below_in_order_and_years_that_do_not_fit(english):
    table = table_of(["Indicator\tBehaald\tBeoogd", "2017\t2018", "Aantal\t4\t> 5"])
    assert [c.title for c in table.columns] == ["Behaald 2017", "Beoogd 2018"]
    with pytest.raises(ChapterFormatError) as refused:
        table_of(["Indicator\tBehaald\tBeoogd", "2017", "Aantal\t4\t> 5"])
    assert refused.value.line == 7 and "1 years below the header" in refused.value.message


def test_pipes_without_the_first_pipe_and_the_label_above_the_names():
    document = read_document(
        "Begroting 2022\n\n2.1 Kennis\n\nPrestatie indicator(en) | Behaald 2020 | Beoogd 2022 |\n"
        "---|---|---|\nAantal projecten | 4 | > 5 |\n"
    )
    (table,) = document.chapters[0].tables
    assert (table.label, table.kind) == ("Prestatie indicator(en)", "performance")
    assert [c.text for c in table.rows[0].cells] == ["4", "> 5"]


def test_a_header_right_under_the_rows_starts_the_next_table():
    document = read_document(
        HEAD + "Indicator\tBehaald 2018\nAantal projecten\t4\nIndicator\tBeoogd 2019\n"
        "Aantal bezoekers\t1.300\n"
    )
    assert [[r.name for r in t.rows] for t in document.chapters[0].tables] == [
        ["Aantal projecten"],
        ["Aantal bezoekers"],
    ]
