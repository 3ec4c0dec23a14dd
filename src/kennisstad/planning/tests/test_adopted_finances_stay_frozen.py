"""A document's money freezes with it: at adoption the chapter's finance table and the overview
per taakveld are stored, and a later ledger import does not change what the council adopted,
on the page, in the exports or in the API; a draft follows the ledger."""

import datetime
import json

import pytest
from django.urls import reverse

from kennisstad.finances.models import Direction, LineKind
from kennisstad.planning.exports import render
from kennisstad.planning.finance_tables import finance_overview, finance_table
from kennisstad.planning.models import Chapter
from kennisstad.planning.selectors import chapters_with_content
from kennisstad.planning.tests.factories import adopt
from kennisstad.planning.tests.finance_setup import chapter_of, line

pytestmark = pytest.mark.django_db


def budget_lasten(chapter) -> str:
    chapter = chapters_with_content(Chapter.objects.filter(pk=chapter.pk)).get()
    rows = json.loads(render([chapter], "json"))["chapters"][0]["finances"]["rows"]
    return rows[0]["euros"][2]  # Begroting 2018


def test_a_later_ledger_import_does_not_change_an_adopted_begroting(team_member, client):
    line(2018, LineKind.ORIGINAL_BUDGET, Direction.EXPENSES, "500000")
    chapter = chapter_of("begroting")
    draft = chapter_of("begroting", year=2019)
    assert budget_lasten(chapter) == "500000.00"

    adopt(chapter.document, team_member, on=datetime.date(2017, 11, 9))
    chapter.refresh_from_db()
    chapter.document.refresh_from_db()
    assert chapter.frozen_finances is not None
    assert chapter.document.frozen_finance_overview is not None
    assert draft.frozen_finances is None

    line(2018, LineKind.ORIGINAL_BUDGET, Direction.EXPENSES, "250000")  # imported later
    assert budget_lasten(chapter) == "500000.00"
    assert finance_table(chapter).frozen
    overview = finance_overview(chapter.document)
    assert overview.frozen and overview.totals()[0] == [500000]
    assert finance_overview(draft.document).frozen is False

    client.force_login(team_member)
    page = client.get(reverse("planning:chapter-detail", args=[chapter.pk])).content.decode()
    assert ">500<" in page and ">750<" not in page
    api = client.get(f"/api/v1/chapters/{chapter.pk}/").json()
    assert api["finances"]["rows"][0]["euros"][2] == "500000.00"
    assert api["finances"]["frozen"] is True


def test_a_chapter_without_ledger_lines_says_so(team_member):
    chapter = chapter_of("begroting")
    chapter = chapters_with_content(Chapter.objects.filter(pk=chapter.pk)).get()
    text = render([chapter], "md").decode()
    assert "Voor dit beleidsveld staan geen financiële gegevens in de administratie." in text
    assert "| Lasten |" not in text


def test_an_explicit_zero_is_a_zero_and_a_missing_column_a_dash(team_member):
    line(2018, LineKind.ORIGINAL_BUDGET, Direction.EXPENSES, "0")
    chapter = chapter_of("begroting")
    chapter = chapters_with_content(Chapter.objects.filter(pk=chapter.pk)).get()
    data = json.loads(render([chapter], "json"))["chapters"][0]["finances"]
    assert data["has_data"] is True
    assert data["rows"][0]["shown"] == ["-", "-", "0", "-", "-", "-"]
    assert data["rows"][0]["euros"][2] == "0.00" and data["rows"][0]["euros"][0] is None
