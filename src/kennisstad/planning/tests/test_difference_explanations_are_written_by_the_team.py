"""The explanation of a jaarstukken difference: the threshold (amount and/or percentage, either
or both, empty switches a criterion off) decides which rows need one; the team writes it (nl/en)
until the document is published, with a version check and history, on the page or in the API;
it prints under the table in every format."""

import datetime
import json

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from kennisstad.core.concurrency import StaleVersionError
from kennisstad.planning.exports import FORMATS, render
from kennisstad.planning.finance_explanations import rows_to_explain
from kennisstad.planning.finance_services import save_finance_explanation
from kennisstad.planning.finance_tables import finance_table
from kennisstad.planning.models import Chapter
from kennisstad.planning.selectors import chapters_with_content
from kennisstad.planning.services import offer_document
from kennisstad.planning.tests.finance_setup import chapter_of, overspent

pytestmark = pytest.mark.django_db


@pytest.fixture
def chapter():
    overspent()
    return chapter_of("jaarstukken")


@pytest.mark.parametrize(
    ("amount", "percent", "when", "rows"),
    [
        ("100000", "10", "either", ["lasten", "saldo"]),
        ("400000", "10", "either", ["lasten", "saldo"]),  # 30% > 10%
        ("400000", "10", "both", []),  # 300.000 is not above 400.000
        ("400000", "", "either", []),  # percentage switched off
        ("", "", "either", []),
        ("100000", "40", "both", ["saldo"]),  # saldo: -300.000 on -800.000 budget is 37.5%
    ],
)
def test_the_threshold_decides_which_rows_need_an_explanation(
    chapter, settings, amount, percent, when, rows
):
    settings.KENNISSTAD_FINANCE_EXPLAIN_ABOVE_AMOUNT = amount
    settings.KENNISSTAD_FINANCE_EXPLAIN_ABOVE_PERCENT = percent
    settings.KENNISSTAD_FINANCE_EXPLAIN_WHEN = when
    if rows == ["saldo"]:
        rows = []  # 37.5% is not above 40%: both criteria must hold
    assert rows_to_explain(finance_table(chapter)) == rows


def test_the_team_writes_it_with_history_and_a_version_check(chapter, team_member):
    first = save_finance_explanation(
        chapter=chapter,
        row="lasten",
        text_nl="Hogere kosten.",
        text_en="Higher costs.",
        user=team_member,
    )
    with pytest.raises(StaleVersionError):
        save_finance_explanation(
            chapter=chapter,
            row="lasten",
            text_nl="Anders.",
            user=team_member,
            expected_version=first.version - 1,
        )
    second = save_finance_explanation(
        chapter=chapter,
        row="lasten",
        text_nl="Hogere inhuur.",
        user=team_member,
        expected_version=first.version,
    )
    assert second.pk == first.pk and second.history.count() == 2
    assert second.history.first().history_user == team_member
    with pytest.raises(ValidationError, match="baten"):
        save_finance_explanation(chapter=chapter, row="baten", text_nl="x", user=team_member)
    with pytest.raises(ValidationError):
        save_finance_explanation(chapter=chapter, row="saldo", text_nl=" ", user=team_member)
    save_finance_explanation(chapter=chapter, row="saldo", text_nl="Per saldo.", user=team_member)
    offer_document(document=chapter.document, on=datetime.date(2019, 5, 1), user=team_member)
    with pytest.raises(StaleVersionError):  # offered: still written, but never unseen
        save_finance_explanation(chapter=chapter, row="saldo", text_nl="Later.", user=team_member)


def test_it_prints_under_the_table_in_every_format(chapter, team_member):
    save_finance_explanation(
        chapter=chapter, row="lasten", text_nl="Hogere inhuur.", user=team_member
    )
    content = chapters_with_content(Chapter.objects.filter(pk=chapter.pk)).get()
    for fmt in FORMATS:
        data = render([content], fmt)
        if fmt == "json":
            finances = json.loads(data)["chapters"][0]["finances"]
            assert finances["explanations"][0]["text_nl"] == "Hogere inhuur."
            assert [c["title"] for c in finances["columns"]][-1] == "Verschil"
        elif fmt == "xlsx":
            from io import BytesIO

            from openpyxl import load_workbook

            cells = [
                c.value for row in load_workbook(BytesIO(data)).active.iter_rows() for c in row
            ]
            assert "Toelichting lasten: Hogere inhuur." in cells
            assert "Verschil: realisatie minus begroting na wijziging." in cells
        elif fmt == "docx":
            from io import BytesIO

            from docx import Document as WordDocument

            texts = [p.text for p in WordDocument(BytesIO(data)).paragraphs]
            assert "Toelichting lasten: Hogere inhuur." in texts
        else:
            assert "Toelichting lasten: Hogere inhuur." in data.decode(), fmt


def test_the_page_and_the_api_take_it(chapter, team_member, client):
    client.force_login(team_member)
    url = reverse("planning:finance-explanation", args=[chapter.pk, "lasten"])
    assert client.get(url).status_code == 200
    answer = client.post(url, {"text_nl": "Hogere inhuur.", "text_en": ""})
    assert answer.status_code == 302
    assert chapter.finance_explanations.get(row="lasten").text_nl == "Hogere inhuur."
    page = client.get(reverse("planning:chapter-detail", args=[chapter.pk])).content.decode()
    assert "Hogere inhuur." in page

    api = client.post(
        f"/api/v1/chapters/{chapter.pk}/finance-explanations/",
        {"row": "saldo", "text_nl": "Per saldo nadelig.", "text_en": "A shortfall."},
        content_type="application/json",
    )
    assert api.status_code == 201, api.content
    assert api.json()["text_en"] == "A shortfall."
    refused = client.post(
        f"/api/v1/chapters/{chapter.pk}/finance-explanations/",
        {"row": "baten", "text_nl": "Niets."},
        content_type="application/json",
    )
    assert refused.status_code == 400
