"""The chapter endpoint gives ``tables``: the tables the chapter shows, an imported chapter's
as its document prints them (label, kind, columns with label and year, rows with their name,
indicator and cells as printed), else the standard table in the same shape."""

import pytest

from kennisstad.planning.models import Chapter
from kennisstad.planning.tests.factories import import_printed_tables, import_seed

pytestmark = pytest.mark.django_db


def cells(table: dict) -> list[list[str]]:
    return [[row["name_nl"], *(cell["text"] for cell in row["cells"])] for row in table["rows"]]


def test_the_chapter_endpoint_gives_the_printed_tables(api_client_for, reader):
    chapter = import_printed_tables()
    data = api_client_for(reader).get(f"/api/v1/chapters/{chapter.pk}/").json()
    performance, effect = data["tables"]
    assert (performance["label"], performance["kind"], performance["printed"]) == (
        "Prestatie-indicatoren",
        "performance",
        True,
    )
    assert cells(performance) == [
        ["Aantal samenwerkingsprojecten", "8", "> 2", "6*"],
        ["Aantal profileringsprojecten", "2", "> 5", "Top 8"],
    ]
    assert [row["indicator"] for row in performance["rows"]] == [
        row["indicator"] for row in chapter.printed_tables[0]["rows"]
    ]
    assert effect["columns"][0] == {"label": "Nulmeting", "year": None, "kind": "baseline"}
    assert effect["rows"][0]["number"] == "1"
    assert cells(effect) == [
        ["Aandeel internationale studenten", "12,5%", "15%", "14,1%", "65 tot 70 %"]
    ]


def test_a_chapter_kennisstad_writes_gives_its_standard_table(api_client_for, reader):
    import_seed()
    Chapter.objects.update(printed_tables=[])  # as a chapter Kennisstad writes: none printed
    chapter = Chapter.objects.get()
    listed = api_client_for(reader).get("/api/v1/chapters/").json()["results"][0]
    [table] = listed["tables"]
    assert (table["label"], table["printed"]) == ("Prestatie-indicatoren", False)
    assert [column["label"] for column in table["columns"]] == [
        "Behaald",
        "Behaald",
        "Begroting",
        "Beoogd",
    ]
    assert cells(table)[0][1:] == ["-", "2", "> 2", "> 5"]
    assert table["rows"][0]["indicator"] == chapter.table_rows.first().indicator_id
