"""The columns of the begroting's and the jaarstukken's indicator table are a setting: another
municipality's layout changes the page, the Word and Excel exports and the API of the chapters
Kennisstad writes (an imported document keeps the columns it prints); a layout that cannot be
read stops Django with the wrong part named."""

import io

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

from kennisstad.indicators.models import Indicator, Origin, Realisation, Target
from kennisstad.planning.column_layout import check_layouts, columns_for
from kennisstad.planning.exports import render
from kennisstad.planning.models import Chapter, ChapterIndicator
from kennisstad.planning.tests.factories import adopted_seed, import_seed
from kennisstad.policy.models import Document, PolicyArea

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

OTHER_BEGROTING = "realisation:-2:Realisatie,target:-1:Begroting,target:0:Begroting"


@pytest.fixture
def other_layout(settings):
    settings.KENNISSTAD_BEGROTING_COLUMNS = OTHER_BEGROTING


@pytest.fixture
def draft_chapter():
    area = PolicyArea.objects.create(code="2", title_nl="Economie")
    document = Document.objects.create(kind="begroting", year=2018)
    chapter = Chapter.objects.create(document=document, policy_area=area)
    indicator = Indicator.objects.create(code="bezoek", name_nl="Aantal bezoeken", policy_area=area)
    ChapterIndicator.objects.create(chapter=chapter, indicator=indicator)
    Realisation.objects.create(
        indicator=indicator, year=2016, value=7, origin=Origin.MANUAL, measured_on="2017-01-15"
    )
    Target.objects.create(
        indicator=indicator, year=2018, comparator=">", value=9, display_text="> 9", set_in=document
    )
    return chapter


def test_groningens_layout_is_the_default():
    assert [column.title for column in columns_for("begroting", 2018)] == [
        "Behaald 2015",
        "Behaald 2016",
        "Begroting 2017",
        "Beoogd 2018",
    ]
    assert [column.title for column in columns_for("jaarstukken", 2018)] == [
        "Behaald 2017",
        "Beoogd 2018",
        "Behaald 2018",
    ]
    assert check_layouts() == []


def test_another_layout_changes_the_page(other_layout, draft_chapter, client_for, reader):
    page = client_for(reader).get(reverse("planning:chapter-detail", args=[draft_chapter.pk]))
    html = page.content.decode()
    assert "Realisatie 2016" in html and "Behaald 2015" not in html
    table = page.context["table"]
    assert [(column.kind, column.year) for column in table.columns] == [
        ("realisation", 2016),
        ("target", 2017),
        ("target", 2018),
    ]
    assert [cell.text for cell in table.rows[0].cells] == ["7", "-", "> 9"]


def test_another_layout_changes_the_word_and_excel_files(other_layout, draft_chapter):
    import docx
    import openpyxl

    word = docx.Document(io.BytesIO(render([draft_chapter], "docx")))
    assert [cell.text for cell in word.tables[0].rows[0].cells][1:] == [
        "Realisatie 2016",
        "Begroting 2017",
        "Begroting 2018",
    ]
    assert [cell.text for cell in word.tables[0].rows[1].cells][1:] == ["7", "-", "> 9"]
    workbook = openpyxl.load_workbook(io.BytesIO(render([draft_chapter], "xlsx")))
    rows = list(workbook.active.iter_rows(values_only=True))
    assert rows[1] == (
        "Prestatie-indicatoren",
        "Realisatie 2016",
        "Begroting 2017",
        "Begroting 2018",
    )
    assert rows[2] == ("Aantal bezoeken", 7, "-", "> 9")


def test_another_layout_changes_the_api_columns(
    other_layout, draft_chapter, api_client_for, reader
):
    data = api_client_for(reader).get(f"/api/v1/chapters/{draft_chapter.pk}/").json()
    assert data["table"]["columns"] == [
        {"kind": "realisation", "year": 2016, "label": "Realisatie"},
        {"kind": "target", "year": 2017, "label": "Begroting"},
        {"kind": "target", "year": 2018, "label": "Begroting"},
    ]
    assert data["table"]["frozen"] is False


def test_an_adopted_table_keeps_the_columns_it_was_adopted_with(draft_chapter, settings):
    from kennisstad.planning.selectors import chapter_table

    adopted_seed()  # Groningen's layout, frozen when the council adopted it
    settings.KENNISSTAD_BEGROTING_COLUMNS = OTHER_BEGROTING
    adopted = Chapter.objects.exclude(pk=draft_chapter.pk).get()
    assert chapter_table(adopted).columns[0].title == "Behaald 2015"


def test_the_import_reads_the_columns_as_printed_whatever_the_layout(other_layout):
    """The layout is for the documents Kennisstad writes; an imported document's table keeps
    the columns it prints, with any header word the reader knows (ADR 10)."""
    import_seed()  # Groningen's four columns, not the configured three
    [table] = Chapter.objects.get().printed_tables
    assert [(column["label"], column["year"]) for column in table["columns"]] == [
        ("Behaald", 2015),
        ("Behaald", 2016),
        ("Begroting", 2017),
        ("Beoogd", 2018),
    ]


def test_a_municipalitys_own_header_words_are_read(other_layout):
    text = (
        "Begroting 2018\n\n2.1.4 Kennissectoren\n\nPrestatie-indicatoren\n\n"
        "Nulmeting 2016\n\nStreefwaarde 2017\n\nStreefwaarde 2018\n\n"
        "Aantal bezoeken\n\n7\n\n> 8\n\n> 9\n"
    )
    import_seed(text)
    [table] = Chapter.objects.get().printed_tables
    assert [(column["label"], column["kind"]) for column in table["columns"]] == [
        ("Nulmeting", "baseline"),
        ("Streefwaarde", "target"),
        ("Streefwaarde", "target"),
    ]
    assert Realisation.objects.get(year=2016).value == 7


@pytest.mark.parametrize(
    ("value", "named"),
    [
        ("", "is empty"),
        ("realisation:-1:Behaald,target:0", "part 2 “target:0”"),
        ("realisation:-1:Behaald,budget:0:Beoogd", "the kind “budget”"),
        ("realisation:min 1:Behaald", "the year offset “min 1”"),
        ("realisation:-1:", "part 1 “realisation:-1:” has no label"),
        ("realisation:-1:Behaald,realisation:-1:Behaald", "part 2 repeats"),
        ("realisation:-99:Behaald", "more than 20 years"),
    ],
)
def test_a_layout_that_cannot_be_read_stops_django_naming_the_part(settings, value, named):
    settings.KENNISSTAD_JAARSTUKKEN_COLUMNS = value
    errors = check_layouts()
    assert [error.id for error in errors] == ["planning.E001"]
    assert errors[0].msg.startswith("KENNISSTAD_JAARSTUKKEN_COLUMNS ")
    assert named in errors[0].msg
    with pytest.raises(ImproperlyConfigured, match="KENNISSTAD_JAARSTUKKEN_COLUMNS"):
        columns_for("jaarstukken", 2018)


def test_a_header_word_heads_one_kind_of_column(settings):
    settings.KENNISSTAD_JAARSTUKKEN_COLUMNS = "target:-1:Behaald,target:0:Beoogd"
    errors = check_layouts()
    assert [error.id for error in errors] == ["planning.E002"]
    assert "behaald" in errors[0].msg


def test_the_check_runs_when_django_starts(settings):
    from django.core import checks

    settings.KENNISSTAD_BEGROTING_COLUMNS = "realisation:-1"
    assert "planning.E001" in {error.id for error in checks.run_checks()}
