"""What a published document reports stays as it was: its values, and once the council adopted
it, its targets; the publication date stays."""

import datetime
import io

import openpyxl
import pytest
from django.core.exceptions import ValidationError

from kennisstad.indicators.models import Indicator, Realisation, Target
from kennisstad.indicators.services import compute_indicator
from kennisstad.indicators.tests.factories import chapter_indicators
from kennisstad.planning.chapter_text_parts import ChapterFormatError
from kennisstad.planning.document_reading import read_file
from kennisstad.planning.exports import render
from kennisstad.planning.models import Chapter, ChapterIndicator
from kennisstad.planning.services import publish_document
from kennisstad.planning.tests.factories import adopt, import_seed, read_seed, seed_text
from kennisstad.policy.models import Document

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

PUBLISHED_ON = datetime.date(2017, 10, 1)


@pytest.fixture
def seed():
    import_seed(published_on=PUBLISHED_ON)
    return Document.objects.get(kind="begroting", year=2018)


def imported_2016() -> Realisation:
    return Realisation.objects.get(indicator__name_nl__startswith="Aantal samen", year=2016)


def test_a_published_value_cannot_be_edited_or_have_its_source_removed(
    seed, api_client_for, team_member
):
    realisation = imported_2016()
    client = api_client_for(team_member)
    url = f"/api/v1/realisations/{realisation.pk}/"
    for body in ({"value": "5"}, {"value": "5", "source_document": None}):
        response = client.patch(url, {**body, "version": realisation.version}, format="json")
        assert response.status_code == 400, body
    assert client.delete(url, HTTP_IF_MATCH=f'"{realisation.version}"').status_code == 400
    realisation.refresh_from_db()
    assert (realisation.value, realisation.source_document) == (2, seed)


def test_a_target_cannot_be_moved_into_an_adopted_budget(seed, api_client_for, team_member):
    adopt(seed, team_member)  # imported, it is published; the decision makes it adopted
    indicator = Indicator.objects.first()
    draft = Document.objects.create(kind="begroting", year=2020)
    client = api_client_for(team_member)
    created = client.post(
        "/api/v1/targets/",
        {
            "indicator": indicator.pk,
            "year": 2020,
            "comparator": ">",
            "value": "3",
            "set_in": "begroting-2020",
        },
        format="json",
    )
    assert created.status_code == 201, created.content
    moved = client.patch(
        f"/api/v1/targets/{created.json()['id']}/",
        {"set_in": "begroting-2018", "version": 1},
        format="json",
    )
    assert moved.status_code == 400
    assert Target.objects.get(pk=created.json()["id"]).set_in == draft


def test_the_printed_target_always_follows_its_value(seed, api_client_for, team_member):
    indicator = Indicator.objects.first()
    client = api_client_for(team_member)
    response = client.post(
        "/api/v1/targets/",
        {
            "indicator": indicator.pk,
            "year": 2021,
            "comparator": ">",
            "value": "1",
            "display_text": "< 100",
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["display_text"] == "> 1"
    edited = client.patch(
        f"/api/v1/targets/{response.json()['id']}/", {"value": "50", "version": 1}, format="json"
    )
    assert edited.json()["display_text"] == "> 50"
    wrong = client.post(
        "/api/v1/realisations/",
        {
            "indicator": indicator.pk,
            "year": 2019,
            "value": "3",
            "display_text": "Top 8",
            "measured_on": "2020-01-01",
        },
        format="json",
    )
    assert wrong.status_code == 400 and "value" in wrong.json()


def test_a_document_is_published_once(seed, team_member):
    with pytest.raises(ValidationError):
        publish_document(document=seed, user=team_member)
    seed.refresh_from_db()
    assert str(seed.published_on) == "2017-10-01"


def test_adopting_pins_the_values_it_reports(team_member):
    chapter_indicators(computed_years=range(2015, 2019))
    indicator = Indicator.objects.get(code__endswith="samenwerking-kennis-innovatie")
    document = Document.objects.create(kind="begroting", year=2019)
    chapter = Chapter.objects.create(document=document, policy_area=indicator.policy_area)
    ChapterIndicator.objects.create(chapter=chapter, indicator=indicator)
    adopt(document, team_member)
    shown = Realisation.objects.get(indicator=indicator, year=2016, origin="computed")
    assert shown.source_document == document
    fresh = compute_indicator(indicator=indicator, years=[2016])[0]
    assert fresh.pk != shown.pk  # recomputing adds a new value; the reported one stays
    shown.refresh_from_db()
    assert shown.version == 1


def test_a_budget_sets_only_its_own_years_targets():
    """Columns of other years are read as printed; their targets are quoted, never set by
    this budget (the old reader refused them)."""
    import_seed(seed_text().replace("Begroting 2018", "Begroting 2019", 1))
    begroting_2019 = Document.objects.get()
    quoted = Target.objects.filter(year=2018)
    assert quoted.count() == 2 and {t.display_text for t in quoted} == {"> 5"}
    assert all(t.set_in is None and t.source_document == begroting_2019 for t in quoted)


def test_another_year_than_the_title_says_and_an_empty_table_are_refused():
    with pytest.raises(ChapterFormatError) as caught:
        read_file(seed_text().encode("utf-8"), "seed.txt", year=2019)
    assert caught.value.line == 1 and "2019" in caught.value.message
    lines = seed_text().split("\n")
    empty = "\n".join(lines[:24] + lines[44:])
    with pytest.raises(ChapterFormatError, match="no rows") as caught:
        read_seed(empty)
    assert caught.value.line == 25


def test_reimporting_a_changed_text_value_of_an_adopted_document_is_a_conflict(team_member):
    text = seed_text().replace(
        "\n2\n\nBeoogd > 2\n\n> 5\n\nAantal prof", "\nNTB\n\nBeoogd > 2\n\n> 5\n\nAantal prof"
    )
    import_seed(text)
    adopt(Document.objects.get(), team_member)
    report = import_seed(text.replace("NTB", "PM", 1))
    conflict = next(problem for problem in report.conflicts if "Behaald 2016" in problem.message)
    assert conflict.line == 29 and "PM" in conflict.message
    assert Realisation.objects.get(year=2016, display_text="NTB")  # the adopted value stays


def test_excel_keeps_percentages_and_text_values():
    """An imported table is written as printed ("12,5%" as the text it is); the number it
    holds is stored with the realisation."""
    text = (
        seed_text()
        .replace(
            "\n2\n\nBeoogd > 2\n\n> 5\n\nAantal prof", "\n12,5%\n\nBeoogd > 2\n\n> 5\n\nAantal prof"
        )
        .replace("\n2\n\nBeoogd > 2\n\n> 5\n\nHoe", "\nTop 8\n\nBeoogd > 2\n\n> 5\n\nHoe")
    )
    import_seed(text)
    workbook = openpyxl.load_workbook(io.BytesIO(render(list(Chapter.objects.all()), "xlsx")))
    rows = [
        row
        for row in workbook.active.iter_rows()
        if row[0].value and str(row[0].value).startswith("Aantal")
    ]
    percentage, top = rows[0][2], rows[1][2]
    assert (percentage.value, top.value) == ("12,5%", "Top 8")
    stored = Realisation.objects.get(year=2016, indicator__name_nl__startswith="Aantal samen")
    assert stored.value == pytest.approx(12.5)
    assert Realisation.objects.filter(year=2016, display_text="Top 8").exists()


def test_partners_do_not_read_budget_figures(seed, api_client_for, partner_editor, reader):
    for path in (
        "/api/v1/indicators/",
        "/api/v1/realisations/",
        "/api/v1/documents/",
        "/api/v1/chapters/",
    ):
        assert api_client_for(partner_editor).get(path).status_code == 403, path
        assert api_client_for(reader).get(path).status_code == 200, path
