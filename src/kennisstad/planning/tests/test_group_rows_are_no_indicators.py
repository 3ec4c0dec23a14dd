"""A row whose value cells are all printed empty ("Bestuur en ondersteuning (p8)" above the
indicators of that taakveld, as Ede's begroting prints them) is a group heading: kept in the
printed table as printed and shown across it, never an indicator, no values. Also as the last
row or above another group row; a row of dashes stays an indicator."""

import pytest
from django.urls import reverse

from kennisstad.indicators.models import Indicator
from kennisstad.planning.document_import import import_document
from kennisstad.planning.document_parts import table_from_json, table_to_json
from kennisstad.planning.document_reader import read_document
from kennisstad.planning.document_reading import read_file
from kennisstad.planning.exports import render
from kennisstad.planning.models import Chapter
from kennisstad.planning.tests.published_layouts import LAYOUTS

NAME = "16-begroting-2021-group-rows.txt"
GROUPS = ["Bestuur en ondersteuning (p0)", "Veiligheid (p1)", "Verkeer en vervoer (p2)"]
GROUPS += ["Economie (p3)", "Sport (p5)"]
INDICATORS = ["Formatie", "Bezetting", "Overhead", "Verwijzingen Halt", "Winkeldiefstallen"]
INDICATORS += ["Functiemenging"]


def imported() -> Chapter:
    report = import_document(printed=read_file((LAYOUTS / NAME).read_bytes(), NAME))
    assert report.refusals == []
    return Chapter.objects.get()


@pytest.mark.django_db
def test_a_group_row_creates_no_indicator():
    chapter = imported()
    assert sorted(Indicator.objects.values_list("name_nl", flat=True)) == sorted(INDICATORS)
    [table] = chapter.printed_tables
    groups = [row for row in table["rows"] if row.get("group")]
    assert [row["name_nl"] for row in groups] == GROUPS
    assert all(row["indicator"] is None for row in groups)
    assert all(cell["text"] == "" for row in groups for cell in row["cells"])
    assert chapter.table_rows.count() == len(INDICATORS)


def test_group_is_stored_only_when_true():
    [table] = read_file((LAYOUTS / NAME).read_bytes(), NAME).chapters[0].tables
    stored = table_to_json(table)
    assert ["group" in row for row in stored["rows"]] == [row.group for row in table.rows]
    assert table_from_json(stored).rows == [
        row.__class__(row.name, 0, [c.__class__(c.text, 0) for c in row.cells], group=row.group)
        for row in table.rows
    ]


def test_a_row_of_dashes_is_an_indicator_and_a_numbered_group_has_no_number():
    text = (
        "Begroting 2021\n\n1 Veiligheid\n\nBeleidsindicatoren\n"
        "Nr\tIndicator\tRealisatie 2019\tBegroting 2021\n"
        "\tVeiligheid (p1)\t\t\n"
        "1\tVerwijzingen Halt\t112\t-\n"
        "2\tWinkeldiefstallen\t-\t-\n"
    )
    [table] = read_document(text).chapters[0].tables
    assert [(row.number, row.name, row.group) for row in table.rows] == [
        ("", "Veiligheid (p1)", True),
        ("1", "Verwijzingen Halt", False),
        ("2", "Winkeldiefstallen", False),
    ]


@pytest.mark.django_db
def test_the_page_shows_a_group_across_the_table(client_for, reader):
    chapter = imported()
    page = client_for(reader).get(reverse("planning:chapter-detail", args=[chapter.pk]))
    text = page.content.decode()
    assert text.count('scope="colgroup" colspan="5"') == len(GROUPS)
    assert text.count('scope="row"') == len(INDICATORS)


@pytest.mark.django_db
def test_exports_read_back_with_the_groups():
    chapter = imported()
    for fmt, name in (("html", "export.html"), ("md", "export.md"), ("docx", "export.docx")):
        [table] = read_file(render([chapter], fmt), name).chapters[0].tables
        assert [row.name for row in table.rows if row.group] == GROUPS, fmt
