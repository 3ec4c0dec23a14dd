"""The indicator and budget API: readers read, the team writes, adopted targets stay fixed."""

import csv
import datetime
import io

import pytest

from kennisstad.indicators.models import Indicator, Realisation, Target
from kennisstad.indicators.tests.factories import chapter_indicators
from kennisstad.planning.models import Chapter
from kennisstad.planning.tests.factories import adopt, import_seed
from kennisstad.policy.models import Document

pytestmark = pytest.mark.django_db


@pytest.fixture
def imported():
    chapter_indicators()
    import_seed()


def test_reader_reads_indicators_documents_and_chapter_tables(
    imported, api_client_for, reader, team_member
):
    adopt(Document.objects.get(kind="begroting", year=2018), team_member)  # its table frozen
    client = api_client_for(reader)
    indicators = client.get("/api/v1/indicators/").json()
    assert indicators["count"] == 2
    chapter = Chapter.objects.get()
    data = client.get(f"/api/v1/chapters/{chapter.pk}/").json()
    assert data["document"] == "begroting-2018" and data["policy_field"] == "2.1.4"
    assert data["table"]["frozen"] is True
    assert [cell["text"] for cell in data["table"]["rows"][0]["cells"]] == ["-", "2", "> 2", "> 5"]
    assert data["table"]["rows"][0]["cells"][1]["source"] == "Begroting 2018"
    assert len(data["actions"]) == 7


def test_chapter_export_through_the_api(imported, api_client_for, reader):
    chapter = Chapter.objects.get()
    response = api_client_for(reader).get(f"/api/v1/chapters/{chapter.pk}/export/csv/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[1][1:] == ["-", "2", "Beoogd > 2", "> 5"]  # as the document prints it
    assert (
        api_client_for(reader).get(f"/api/v1/chapters/{chapter.pk}/export/pdf/").status_code == 400
    )


def test_reader_and_anonymous_may_not_write(imported, api_client_for, reader):
    indicator = Indicator.objects.first()
    body = {"indicator": indicator.pk, "year": 2020, "comparator": ">", "value": "3"}
    assert api_client_for(reader).post("/api/v1/targets/", body, format="json").status_code == 403
    assert api_client_for(None).post("/api/v1/targets/", body, format="json").status_code == 401
    assert api_client_for(None).get("/api/v1/indicators/").status_code == 401
    assert not Target.objects.filter(year=2020).exists()


def test_adopted_target_is_refused_through_the_api(imported, api_client_for, team_member):
    adopt(Document.objects.get(kind="begroting", year=2018), team_member)  # the decision
    target = Target.objects.get(
        indicator__code__endswith="samenwerking-kennis-innovatie", year=2018
    )
    response = api_client_for(team_member).patch(
        f"/api/v1/targets/{target.pk}/",
        {"display_text": "> 2", "value": "2"},
        format="json",
        HTTP_IF_MATCH=f'"{target.version}"',
    )
    assert response.status_code == 400
    assert "Begroting 2018" in str(response.json())
    target.refresh_from_db()
    assert target.display_text == "> 5"


def test_team_computes_and_records_values(imported, api_client_for, team_member):
    client = api_client_for(team_member)
    indicator = Indicator.objects.get(code__endswith="profilering-kennisstad")
    response = client.post(
        f"/api/v1/indicators/{indicator.pk}/compute/", {"years": [2016, 2018]}, format="json"
    )
    assert response.status_code == 200, response.content
    assert [(item["year"], item["value"]) for item in response.json()] == [
        (2016, "2.0000"),
        (2018, "6.0000"),
    ]
    assert (
        client.post(
            f"/api/v1/indicators/{indicator.pk}/compute/", {"years": "2016"}, format="json"
        ).status_code
        == 400
    )
    manual = client.post(
        "/api/v1/realisations/",
        {
            "indicator": indicator.pk,
            "year": 2019,
            "value": "7",
            "measured_on": "2020-03-01",
            "source_document": "begroting-2018",
            "note": "Telling RUG",
        },
        format="json",
    )
    assert manual.status_code == 201, manual.content
    assert Realisation.objects.get(pk=manual.json()["id"]).origin == "manual"


def test_publishing_through_the_api_needs_the_version(imported, api_client_for, team_member):
    document = Document.objects.create(
        kind="begroting", year=2019, status="vastgesteld", adopted_on=datetime.date(2018, 11, 8)
    )
    client = api_client_for(team_member)
    assert client.post(f"/api/v1/documents/{document.pk}/publish/").status_code == 428
    response = client.post(f"/api/v1/documents/{document.pk}/publish/", HTTP_IF_MATCH='"1"')
    assert response.status_code == 200
    document.refresh_from_db()
    assert document.is_published
