"""The BBV overview of lasten and baten per taakveld for the whole document: in the official
order of the taakvelden, with a totals row, on the document page, in the whole-document export
(not in one chapter's) and in the documents API."""

import json

import pytest
from django.urls import reverse

from kennisstad.finances.models import Direction, LineKind
from kennisstad.planning.exports import render
from kennisstad.planning.finance_tables import finance_overview
from kennisstad.planning.models import Chapter
from kennisstad.planning.selectors import chapters_with_content
from kennisstad.planning.tests.finance_setup import chapter_of, line

pytestmark = pytest.mark.django_db


@pytest.fixture
def document():
    line(2018, LineKind.ORIGINAL_BUDGET, Direction.EXPENSES, "400000", code="3.4")
    line(2018, LineKind.ORIGINAL_BUDGET, Direction.EXPENSES, "100000", code="3.1")
    line(2018, LineKind.ORIGINAL_BUDGET, Direction.INCOME, "50000", code="3.1")
    line(2018, LineKind.AMENDMENT, Direction.EXPENSES, "70000", code="3.1")
    line(2018, LineKind.REALISED, Direction.EXPENSES, "520000", code="3.4")
    return chapter_of("jaarstukken").document


def test_the_overview_lists_each_taakveld_in_order_with_totals(document):
    overview = finance_overview(document)
    assert [c.title for c in overview.columns] == [
        "Begroting 2018 na wijziging",
        "Realisatie 2018",
    ]
    assert [line.code for line in overview.taakvelden] == ["3.1", "3.4"]
    expenses, income = overview.totals()
    assert expenses == [570000, 520000] and income == [50000, 0]  # 3.4 realised: lines, no baten


def test_the_whole_document_exports_it_and_a_chapter_does_not(document):
    chapters = list(chapters_with_content(Chapter.objects.filter(document=document)))
    whole = render(chapters, "md", overview=finance_overview(document)).decode()
    assert "## Overzicht van lasten en baten per taakveld" in whole
    assert "| Totaal | 570 | 50 | 520 | 0 |" in whole
    assert "Overzicht van lasten en baten" not in render(chapters, "md").decode()
    data = json.loads(render(chapters, "json", overview=finance_overview(document)))
    assert data["finance_overview"]["totals"]["lasten"]["euros"] == ["570000.00", "520000.00"]


def test_the_page_and_the_api_show_it(document, team_member, client):
    client.force_login(team_member)
    page = client.get(reverse("planning:document-detail", args=[document.pk])).content.decode()
    assert "3.1 " in page and ">570<" in page
    api = client.get(f"/api/v1/documents/{document.pk}/finance-overview/").json()
    assert [t["code"] for t in api["taakvelden"]] == ["3.1", "3.4"]
    export = client.get(reverse("planning:document-export", args=[document.pk, "csv"]))
    assert "Overzicht van lasten en baten per taakveld" in export.content.decode()
