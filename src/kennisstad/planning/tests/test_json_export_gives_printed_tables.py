"""``export-begroting --format json`` gives every chapter's ``table`` (the first or only one)
and, when it prints several, ``tables``: each with its columns as printed (``label``, ``year``)
and its rows (``name_nl``, ``cells[].text`` as printed)."""

import io
import json

import pytest
from django.core.management import call_command

from kennisstad.planning.models import Chapter
from kennisstad.planning.tests.factories import adopted_seed, import_printed_tables

pytestmark = pytest.mark.django_db


def exported(kind: str, year: int) -> list[dict]:
    out = io.StringIO()
    call_command("export-begroting", kind=kind, year=year, format="json", stdout=out)
    return json.loads(out.getvalue())["chapters"]


def test_a_chapter_printing_two_tables_gives_table_and_tables():
    chapter = import_printed_tables()
    [data] = exported("jaarstukken", 2018)
    assert data["table"] == data["tables"][0]
    assert [(t["label"], t["kind"]) for t in data["tables"]] == [
        ("Prestatie-indicatoren", "performance"),
        ("Effectindicatoren", "effect"),
    ]
    effect = data["tables"][1]
    assert [(c["label"], c["year"]) for c in effect["columns"]] == [
        ("Nulmeting", None),
        ("Doelstelling", 2017),
        ("Realisatie", 2017),
        ("Ambitie", 2018),
    ]
    performance = data["table"]
    assert [(r["name_nl"], [c["text"] for c in r["cells"]]) for r in performance["rows"]] == [
        ("Aantal samenwerkingsprojecten", ["8", "> 2", "6*"]),
        ("Aantal profileringsprojecten", ["2", "> 5", "Top 8"]),
    ]
    assert performance["rows"][1]["footnote"] == "¹"
    stored = [row["indicator"] for row in chapter.printed_tables[0]["rows"]]
    assert [row["indicator"] for row in performance["rows"]] == stored


def test_a_chapter_kennisstad_writes_gives_its_one_standard_table():
    adopted_seed()  # its table frozen when adopted
    Chapter.objects.update(printed_tables=[])  # as a chapter Kennisstad writes: none printed
    [data] = exported("begroting", 2018)
    assert "tables" not in data
    table = data["table"]
    assert table["label"] == "Prestatie-indicatoren" and table["frozen"]
    assert [(c["label"], c["year"]) for c in table["columns"]] == [
        ("Behaald", 2015),
        ("Behaald", 2016),
        ("Begroting", 2017),
        ("Beoogd", 2018),
    ]
    assert [c["text"] for c in table["rows"][0]["cells"]] == ["-", "2", "> 2", "> 5"]
