"""A BBV table that prints text columns before the names ("Nr | Taakveld | Indicator | Eenheid |
Realisatie 2019", as Buren's and Drimmelen's begrotingen do, in TAB or pipe rows) reads the
names from the "Indicator" column and keeps "Taakveld" a text column where it is printed: on
the page and in the exports, which read back to the same table."""

import pytest
from django.urls import reverse

from kennisstad.indicators.models import Indicator
from kennisstad.planning.document_import import import_document
from kennisstad.planning.document_reader import read_document
from kennisstad.planning.document_reading import read_file
from kennisstad.planning.exports import render
from kennisstad.planning.models import Chapter
from kennisstad.planning.tests.factories import tables_in_html
from kennisstad.planning.tests.published_layouts import LAYOUTS

NAME = "17-begroting-2020-taakveld-before-indicator.txt"
TAB_TABLE = (
    "Begroting 2020\n\n2 Economie\n\nBeleidsindicatoren\n"
    "Taakveld\tOmschrijving\tRealisatie 2019\tBegroting 2020\n"
    "3.1 Economische ontwikkeling\tFunctiemenging\t48,3%\t49%\n"
    "3.4 Economische promotie\tBezoekers\t12.400\t-\n"
)


def imported() -> Chapter:
    report = import_document(printed=read_file((LAYOUTS / NAME).read_bytes(), NAME))
    assert report.refusals == []
    return Chapter.objects.get()


def test_tab_rows_read_the_names_from_the_omschrijving_column():
    [table] = read_document(TAB_TABLE).chapters[0].tables
    assert table.name_at == 1 and table.columns[0].label == "Taakveld"
    assert [(row.name, row.cells[0].text, row.cells[1].text) for row in table.rows] == [
        ("Functiemenging", "3.1 Economische ontwikkeling", "48,3%"),
        ("Bezoekers", "3.4 Economische promotie", "12.400"),
    ]


@pytest.mark.django_db
def test_the_indicators_are_named_from_the_indicator_column():
    chapter = imported()
    names = set(Indicator.objects.values_list("name_nl", flat=True))
    assert "Functiemenging" in names and not any(name.startswith(("2.1", "3.1")) for name in names)
    assert chapter.printed_tables[0]["name_at"] == 1


@pytest.mark.django_db
def test_the_page_prints_taakveld_before_the_names(client_for, reader):
    chapter = imported()
    page = client_for(reader).get(reverse("planning:chapter-detail", args=[chapter.pk]))
    [(_caption, rows)] = tables_in_html(page.content.decode())
    assert rows[0][:3] == ["Nr", "Taakveld", "Indicator"]
    assert rows[3][:3] == ["3", "3.1 Economische ontwikkeling", "Functiemenging"]


@pytest.mark.django_db
def test_exports_read_back_to_the_same_table():
    chapter = imported()
    [printed] = read_file((LAYOUTS / NAME).read_bytes(), NAME).chapters[0].tables
    for fmt, name in (("html", "export.html"), ("md", "export.md"), ("docx", "export.docx")):
        [table] = read_file(render([chapter], fmt), name).chapters[0].tables
        assert table.name_at == 1, fmt
        assert [(r.number, r.name, [c.text for c in r.cells]) for r in table.rows] == [
            (r.number, r.name, [c.text for c in r.cells]) for r in printed.rows
        ], fmt


def test_a_numbered_group_row_with_its_name_in_the_indicator_column():
    text = (
        "Begroting 2020\n\n2 Economie\n\nBeleidsindicatoren\n"
        "Nr\tTaakveld\tIndicator\tRealisatie 2019\n"
        "\t\tEconomie (p3)\t\n"
        "1\t3.1 Economische ontwikkeling\tFunctiemenging\t48,3%\n"
    )
    [table] = read_document(text).chapters[0].tables
    assert [(row.number, row.name, row.group) for row in table.rows] == [
        ("", "Economie (p3)", True),
        ("1", "Functiemenging", False),
    ]
