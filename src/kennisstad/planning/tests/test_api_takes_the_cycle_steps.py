"""The cycle through the API: the team offers, amends, adopts and publishes a document and
records a bestuursrapportage's progress and forecasts, each step sending the version it read;
a reader takes none of them (403); bad input is refused (400) naming the field."""

import pytest

from kennisstad.indicators.models import Indicator, Target
from kennisstad.planning.models import Action, ActionProgress, Amendment, Forecast
from kennisstad.planning.tests.cycle_setup import begroting
from kennisstad.policy.models import Document, DocumentStatus

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def url(document: Document, step: str) -> str:
    return f"/api/v1/documents/{document.pk}/{step}/"


def post(client, document: Document, step: str, body: dict | None = None):
    version = Document.objects.get(pk=document.pk).version
    return client.post(url(document, step), body or {}, format="json", HTTP_IF_MATCH=f'"{version}"')


@pytest.fixture
def report() -> Document:
    begroting()
    return Document.objects.create(kind="bestuursrapportage", year=2018, sequence=1)


def test_the_team_offers_amends_adopts_and_publishes(api_client_for, team_member):
    document = begroting()
    indicator = Indicator.objects.order_by("code").first()
    client = api_client_for(team_member)
    offered = post(client, document, "offer", {"on": "2017-10-01"})
    assert offered.status_code == 200, offered.data
    assert (offered.data["status"], offered.data["offered_on"]) == (
        DocumentStatus.OFFERED,
        "2017-10-01",
    )
    amended = post(client, document, "amendments", {"number": "A1", "description": "Tekst"})
    assert amended.status_code == 201 and amended.data["number"] == "A1"
    adopted = post(
        client,
        document,
        "adopt",
        {
            "on": "2017-11-09",
            "decision_number": "2017-112",
            "amendments": [
                {
                    "number": "A2",
                    "description": "Hoger doel",
                    "indicator": indicator.code,
                    "year": 2018,
                    "new_target": "> 7",
                }
            ],
        },
    )
    assert adopted.status_code == 200, adopted.data
    assert (adopted.data["adopted_on"], adopted.data["decision_number"]) == (
        "2017-11-09",
        "2017-112",
    )
    assert {a["number"] for a in adopted.data["amendments"]} == {"A1", "A2"}
    target = Target.objects.get(indicator=indicator, year=2018, set_in=document)
    assert target.display_text == "> 7"
    published = post(client, document, "publish", {"on": "2017-11-20"})
    assert published.status_code == 200, published.data
    assert (published.data["status"], published.data["published_on"]) == (
        DocumentStatus.PUBLISHED,
        "2017-11-20",
    )


def test_the_team_records_progress_and_forecasts(api_client_for, team_member, report):
    client = api_client_for(team_member)
    action = Action.objects.first()
    indicator = Indicator.objects.order_by("code").first()
    progress = post(client, report, "progress", {"action": action.pk, "status": "vertraagd"})
    assert progress.status_code == 200, progress.data
    forecast = post(client, report, "forecasts", {"indicator": indicator.code, "value": "> 6"})
    assert forecast.status_code == 200, forecast.data
    assert (forecast.data["year"], forecast.data["value"]) == (2018, "> 6")
    assert ActionProgress.objects.get().status == "vertraagd"
    assert Forecast.objects.get().display_text == "> 6"


STEPS = {
    "offer": {"on": "2017-10-01"},
    "adopt": {"on": "2017-11-09", "decision_number": "7"},
    "publish": {},
    "amendments": {"number": "A1", "description": "x"},
    "progress": {"status": "gereed"},
    "forecasts": {"value": "6"},
}


@pytest.mark.parametrize("step", list(STEPS))
def test_a_reader_takes_no_step(api_client_for, reader, report, step):
    answer = post(api_client_for(reader), report, step, STEPS[step])
    assert answer.status_code == 403
    stored = Document.objects.get(pk=report.pk)
    assert (stored.status, stored.version) == (DocumentStatus.DRAFT, report.version)
    assert not Amendment.objects.exists() and not Forecast.objects.exists()


@pytest.mark.parametrize(
    ("step", "body", "field"),
    [
        ("offer", {}, "on"),
        ("offer", {"on": "gisteren"}, "on"),
        ("adopt", {"on": "2018-11-09"}, "decision_number"),
        ("amendments", {"number": "A1"}, "description"),
        ("amendments", {"number": "A1", "description": "x", "indicator": "nope"}, "indicator"),
        ("amendments", {"number": "A1", "description": "x", "new_target": "> 7"}, "indicator"),
        ("progress", {"action": 0, "status": "gereed"}, "action"),
        ("progress", {"status": "klaar"}, "status"),
        ("forecasts", {"value": "6"}, "indicator"),
        ("forecasts", {"indicator": "ID", "value": "veel"}, "value"),
        ("forecasts", {"indicator": "ID", "value": "6", "year": 2019}, "year"),
    ],
)
def test_bad_input_is_refused_naming_the_field(
    api_client_for, team_member, report, step, body, field
):
    indicator = Indicator.objects.order_by("code").first()
    action = Action.objects.first()
    body = {key: indicator.code if value == "ID" else value for key, value in body.items()}
    if step == "progress" and "action" not in body:
        body["action"] = action.pk
    answer = post(api_client_for(team_member), report, step, body)
    assert answer.status_code == 400, answer.data
    assert field in answer.data
    assert Document.objects.get(pk=report.pk).version == report.version
    assert not Forecast.objects.exists() and not ActionProgress.objects.exists()


def test_a_step_without_the_version_read_is_refused(api_client_for, team_member):
    document = begroting()
    answer = api_client_for(team_member).post(
        url(document, "offer"), {"on": "2017-10-01"}, format="json"
    )
    assert answer.status_code == 428
    stale = api_client_for(team_member).post(
        url(document, "offer"), {"on": "2017-10-01"}, format="json", HTTP_IF_MATCH='"99"'
    )
    assert stale.status_code == 412
    assert Document.objects.get(pk=document.pk).status == DocumentStatus.DRAFT
