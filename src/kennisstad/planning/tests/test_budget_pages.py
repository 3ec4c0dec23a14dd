"""The indicator and budget pages render in Dutch and English, the import form reports line
errors and dry runs, and the download buttons deliver real files."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kennisstad.indicators.models import Indicator, Realisation
from kennisstad.indicators.selectors import counted_records
from kennisstad.indicators.services import compute_all
from kennisstad.indicators.tests.factories import chapter_indicators
from kennisstad.planning.models import Chapter
from kennisstad.planning.tests.factories import adopted_seed, seed_text
from kennisstad.policy.models import Document

pytestmark = pytest.mark.django_db


@pytest.fixture
def budget():
    chapter_indicators()
    compute_all(years=range(2015, 2020))
    adopted_seed()  # imported, and adopted: its text and tables stand
    return Chapter.objects.get()


@pytest.mark.parametrize("language", ["nl", "en"])
def test_budget_pages_render(budget, client_for, team_member, language):
    web = client_for(team_member)
    web.cookies["django_language"] = language
    indicator = Indicator.objects.get(code__endswith="samenwerking-kennis-innovatie")
    for url in (
        reverse("indicators:indicator-list"),
        reverse("indicators:indicator-detail", args=[indicator.pk]),
        reverse("indicators:indicator-detail", args=[indicator.pk]) + "?year=2016",
        reverse("indicators:indicator-update", args=[indicator.pk]),
        reverse("indicators:indicator-create"),
        reverse("indicators:realisation-create", args=[indicator.pk]),
        reverse("indicators:target-create", args=[indicator.pk]),
        reverse("planning:document-list"),
        reverse("planning:chapter-detail", args=[budget.pk]),
        reverse("planning:chapter-import"),
    ):
        response = web.get(url)
        assert response.status_code == 200, url
        assert f'<html lang="{language}"' in response.content.decode()


def test_indicator_page_shows_the_drill_down_of_2016(budget, client_for, reader):
    indicator = Indicator.objects.get(code__endswith="samenwerking-kennis-innovatie")
    page = client_for(reader).get(
        reverse("indicators:indicator-detail", args=[indicator.pk]), {"year": 2016}
    )
    text = page.content.decode()
    counted = counted_records(
        Realisation.objects.get(indicator=indicator, year=2016, origin="computed")
    )
    assert len(counted) == 2
    for item in counted:
        assert item["label"] in text
        assert reverse("projects:project-detail", args=[item["id"]]) in text
    assert "<svg" in text and 'role="img"' in text  # the chart, with the same data as a table below
    assert "Begroting 2018" in text  # the imported value shows its source


def test_every_download_button_gives_a_file(budget, client_for, reader):
    web = client_for(reader)
    for fmt, signature in (
        ("md", b"# Begroting 2018"),
        ("csv", b"Prestatie-indicatoren,"),
        ("html", b"<!DOCTYPE html>"),
        ("json", b"{"),
        ("xlsx", b"PK"),
        ("docx", b"PK"),
    ):
        response = web.get(reverse("planning:chapter-export", args=[budget.pk, fmt]))
        assert response.status_code == 200, fmt
        assert response.content.startswith(signature), fmt
        assert "attachment" in response["Content-Disposition"]
    assert web.get(reverse("planning:chapter-export", args=[budget.pk, "pdf"])).status_code == 404


def test_word_and_excel_files_hold_a_real_table_and_typed_cells(budget, client_for, reader):
    """The standard table (a chapter without printed tables: Kennisstad's own, or this adopted
    one's frozen table); an imported chapter's printed tables are written as printed, every
    cell its text (``test_exports_print_the_printed_tables``)."""
    import docx
    import openpyxl

    Chapter.objects.update(printed_tables=[])
    web = client_for(reader)
    word = docx.Document(
        io.BytesIO(web.get(reverse("planning:chapter-export", args=[budget.pk, "docx"])).content)
    )
    table = word.tables[0]
    assert [cell.text for cell in table.rows[0].cells][1:] == [
        "Behaald 2015",
        "Behaald 2016",
        "Begroting 2017",
        "Beoogd 2018",
    ]
    assert [cell.text for cell in table.rows[1].cells][1:] == ["-", "2", "> 2", "> 5"]
    workbook = openpyxl.load_workbook(
        io.BytesIO(web.get(reverse("planning:chapter-export", args=[budget.pk, "xlsx"])).content)
    )
    rows = list(workbook.active.iter_rows(values_only=True))
    data_row = next(row for row in rows if row[0] and row[0].startswith("Aantal samenwerkings"))
    assert data_row[1:] == ("-", 2, "> 2", "> 5")
    assert isinstance(data_row[2], int)  # a number Excel can calculate with
    assert workbook["Herkomst"].max_row > 1  # and where every number came from


def test_import_form_reports_the_line_of_a_broken_table(budget, client_for, team_member):
    broken = seed_text().replace("> 5", "> vijf", 1)
    response = client_for(team_member).post(
        reverse("planning:chapter-import"),
        {"file": SimpleUploadedFile("chapter.txt", broken.encode()), "dry_run": ""},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert [problem.line for problem in response.context["refused"].problems] == [33]
    assert "regel 33: " in response.content.decode()


def test_import_form_dry_run_writes_nothing(client_for, team_member):
    response = client_for(team_member).post(
        reverse("planning:chapter-import"),
        {"file": SimpleUploadedFile("chapter.txt", seed_text().encode()), "dry_run": "on"},
    )
    assert response.status_code == 200
    assert response.context["report"].dry_run
    assert not Document.objects.exists()


def test_partner_and_reader_cannot_import_or_publish(budget, client_for, partner_editor, reader):
    for user in (partner_editor, reader):
        web = client_for(user)
        assert web.get(reverse("planning:chapter-import")).status_code == 403
        assert (
            web.post(reverse("planning:document-publish", args=[budget.document.pk])).status_code
            == 403
        )
    assert client_for(partner_editor).get(reverse("indicators:indicator-list")).status_code == 403


def test_next_years_begroting_starts_from_this_years(budget, client_for, team_member):
    response = client_for(team_member).post(
        reverse("planning:document-create"),
        {"kind": "begroting", "year": 2019, "copy_from": budget.document.pk},
    )
    assert response.status_code == 302
    draft = Document.objects.get(kind="begroting", year=2019)
    assert not draft.is_published
    chapter = draft.chapters.get()
    assert chapter.actions.count() == 7
    assert chapter.sections.filter(heading_nl="Wat willen we bereiken in 2019?").exists()
    assert chapter.table_rows.count() == 2
    duplicate = client_for(team_member).post(
        reverse("planning:document-create"), {"kind": "begroting", "year": 2019}
    )
    assert "bestaat al" in str(duplicate.context["form"].errors)  # "already exists"


def test_an_action_links_to_the_projects_that_carry_it_out(budget, client_for, team_member):
    from kennisstad.projects.models import Project

    action = budget.actions.order_by("order").first()
    project = Project.objects.filter(category__code="samenwerking-kennis-innovatie").first()
    response = client_for(team_member).post(
        reverse("planning:action-update", args=[action.pk]),
        {"text_nl": "Iets anders", "projects": [project.pk], "version": action.version},
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert list(action.projects.all()) == [project]
    assert action.text_nl != "Iets anders"  # the adopted text stands
    page = client_for(team_member).get(reverse("planning:chapter-detail", args=[budget.pk]))
    assert reverse("projects:project-detail", args=[project.pk]) in page.content.decode()


def test_the_chart_uses_svg_numbers_in_every_language(budget, client_for, reader):
    indicator = Indicator.objects.get(code__endswith="samenwerking-kennis-innovatie")
    text = (
        client_for(reader)
        .get(reverse("indicators:indicator-detail", args=[indicator.pk]))
        .content.decode()
    )
    svg = text[text.index("<svg") : text.index("</svg>")]
    assert not re.search(r'\s(?:x|y|cx|cy)="-?\d+,\d', svg)  # no Dutch decimal commas
    assert re.search(r'points="[\d.]+,[\d.]+ ', svg)  # "x,y" pairs with decimal points
    assert "category" not in text  # the rule is described in words
    assert "Samenwerking kennis/innovatie" in text


def test_draft_text_is_written_in_both_languages_and_adopted_text_stands(
    budget, client_for, team_member
):
    from kennisstad.planning.services import create_document

    draft = create_document(
        kind="begroting", year=2019, user=team_member, copy_from=budget.document
    )
    section = draft.chapters.get().sections.get(kind="aims")
    web = client_for(team_member)
    response = web.post(
        reverse("planning:section-update", args=[section.pk]),
        {
            "heading_nl": section.heading_nl,
            "heading_en": "What do we want to achieve in 2019?",
            "body_nl": "Meer dan zes projecten.",
            "body_en": "More than six projects.",
            "version": section.version,
        },
    )
    assert response.status_code == 302
    section.refresh_from_db()
    assert (section.body_nl, section.body_en) == (
        "Meer dan zes projecten.",
        "More than six projects.",
    )
    adopted = budget.sections.get(kind="aims")
    assert web.get(reverse("planning:section-update", args=[adopted.pk])).status_code == 403


def test_the_chapter_table_speaks_the_interface_language(budget, client_for, reader):
    """The standard table's headers are the interface's; a table as printed keeps the
    document's own words in every language."""
    web = client_for(reader)
    web.cookies["django_language"] = "en"
    printed = web.get(reverse("planning:chapter-detail", args=[budget.pk])).content.decode()
    assert "Behaald 2016" in printed and "Beoogd 2018" in printed and "Achieved" not in printed
    Chapter.objects.update(printed_tables=[])
    web.cookies["django_language"] = "nl"
    dutch = web.get(reverse("planning:chapter-detail", args=[budget.pk])).content.decode()
    assert "Behaald 2016" in dutch and "Beoogd 2018" in dutch and "Geïmporteerd" not in dutch
    web.cookies["django_language"] = "en"
    english = web.get(reverse("planning:chapter-detail", args=[budget.pk])).content.decode()
    assert "Achieved 2016" in english and "Target 2018" in english and "Budget 2017" in english
