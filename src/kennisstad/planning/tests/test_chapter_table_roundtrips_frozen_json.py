"""A published chapter's frozen table keeps loading: tables frozen before the chapter table had
types (and before cells recorded ``percentage`` and ``textual``) read into the types and are
written back exactly as stored; the page, the API and the exports show them."""

import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse

from kennisstad.planning.chapter_table import ChapterTable
from kennisstad.planning.exports import render
from kennisstad.planning.models import Chapter
from kennisstad.planning.selectors import live_table
from kennisstad.planning.tests.factories import adopt
from kennisstad.policy.models import Document, PolicyArea

pytestmark = pytest.mark.django_db

# As the first chapter import froze a jaarstukken table: no percentage/textual, no "met".
OLDEST_SHAPE = {
    "columns": [
        {"kind": "realisation", "year": 2016, "label": "Behaald"},
        {"kind": "target", "year": 2017, "label": "Beoogd"},
        {"kind": "realisation", "year": 2017, "label": "Behaald"},
    ],
    "rows": [
        {
            "indicator": 41,
            "code": "2-1-4-samenwerking",
            "name_nl": "Aantal samenwerkingsprojecten",
            "name_en": "",
            "cells": [
                {
                    "kind": "realisation",
                    "year": 2016,
                    "text": "8",
                    "value": "8",
                    "record": 7,
                    "origin": "imported",
                    "measured_on": "2018-04-01",
                    "source": "Jaarstukken 2017",
                },
                {
                    "kind": "target",
                    "year": 2017,
                    "text": "> 2",
                    "value": "2",
                    "record": 3,
                    "comparator": ">",
                    "set_in": "Begroting 2017",
                },
                {
                    "kind": "realisation",
                    "year": 2017,
                    "text": "-",
                    "value": None,
                    "reason": "no_data",
                },
            ],
        }
    ],
}

# As publishing froze a jaarstukken table since: percentages, texts and whether a target was met.
CURRENT_SHAPE = {
    "columns": OLDEST_SHAPE["columns"],
    "rows": [
        {
            **OLDEST_SHAPE["rows"][0],
            "cells": [
                {
                    "text": "12,5%",
                    "percentage": True,
                    "textual": False,
                    "value": "12.50",
                    "kind": "realisation",
                    "year": 2016,
                    "record": 9,
                    "origin": "computed",
                    "measured_on": "2017-09-01",
                    "source": "",
                },
                {
                    "text": "Top 8",
                    "value": None,
                    "kind": "target",
                    "year": 2017,
                    "record": 4,
                    "comparator": "text",
                    "set_in": "",
                },
                {
                    "text": "-",
                    "value": None,
                    "reason": "not_measured",
                    "kind": "realisation",
                    "year": 2017,
                },
            ],
            "met": None,
            "explanation": "",
        }
    ],
}


@pytest.mark.parametrize("stored", [OLDEST_SHAPE, CURRENT_SHAPE], ids=["oldest", "current"])
def test_stored_tables_load_and_are_written_back_unchanged(stored):
    table = ChapterTable.from_json(stored)
    assert table.frozen
    assert table.to_json() == stored
    assert ChapterTable.from_json(table.to_json()) == table


def test_an_old_table_reads_into_types():
    table = ChapterTable.from_json(OLDEST_SHAPE)
    assert [column.title for column in table.columns] == [
        "Behaald 2016",
        "Beoogd 2017",
        "Behaald 2017",
    ]
    row = table.rows[0]
    assert not row.judged and not table.reports_results  # frozen before "met" was recorded
    achieved, target, dash = row.cells
    assert achieved.value == Decimal("8") and achieved.number == Decimal("8")
    assert achieved.measured_on == datetime.date(2018, 4, 1)
    assert (achieved.record, achieved.origin, achieved.source) == (
        7,
        "imported",
        "Jaarstukken 2017",
    )
    assert achieved.percentage is None and achieved.textual is None
    assert (target.comparator, target.set_in, target.number) == (">", "Begroting 2017", None)
    assert (dash.text, dash.reason, dash.value) == ("-", "no_data", None)


def test_a_current_table_says_what_the_jaarstukken_judged():
    table = ChapterTable.from_json(CURRENT_SHAPE)
    row = table.rows[0]
    assert row.judged and row.met is None and table.reports_results
    assert row.cells[0].percentage is True and str(row.cells[0].value) == "12.50"


def test_publishing_stores_the_live_table_in_the_json_it_reads_back(team_member):
    area = PolicyArea.objects.create(code="2", title_nl="Economie")
    document = Document.objects.create(kind="jaarstukken", year=2017)
    chapter = Chapter.objects.create(document=document, policy_area=area)
    live = live_table(chapter)
    adopt(document, team_member)
    chapter.refresh_from_db()
    assert chapter.frozen_table == live.to_json()
    assert ChapterTable.from_json(chapter.frozen_table).columns == live.columns


@pytest.fixture
def published_old_table():
    area = PolicyArea.objects.create(code="2", title_nl="Economie")
    document = Document.objects.create(kind="jaarstukken", year=2017, status="published")
    return Chapter.objects.create(document=document, policy_area=area, frozen_table=OLDEST_SHAPE)


def test_an_old_frozen_table_shows_on_the_page_the_api_and_the_exports(
    published_old_table, client_for, api_client_for, reader
):
    chapter = published_old_table
    page = client_for(reader).get(reverse("planning:chapter-detail", args=[chapter.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Jaarstukken 2017" in html and "1 apr 2018" in html  # source and peildatum
    data = api_client_for(reader).get(f"/api/v1/chapters/{chapter.pk}/").json()
    assert data["table"] == {**OLDEST_SHAPE, "frozen": True}
    csv = render([chapter], "csv").decode()
    assert "Aantal samenwerkingsprojecten,8,> 2,-" in csv
    import openpyxl

    workbook = openpyxl.load_workbook(io.BytesIO(render([chapter], "xlsx")))
    sources = list(workbook["Herkomst"].iter_rows(values_only=True))
    assert sources[1][3:] == (
        8,
        "realisatie",
        "geïmporteerd",
        datetime.datetime(2018, 4, 1),
        "Jaarstukken 2017",
    )
