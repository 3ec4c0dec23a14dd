"""The API: create an application with its partners and obligations, read it back with its
stage history and ETag, move it to the next stage with If-Match (dated by ``stage_on``), and be
refused a stale version (412) and a stage the process does not allow (400 naming ``stage``)."""

import pytest

from kennisstad.relations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/funding-applications/"


def test_create_read_move_and_refuse(api_client_for, team_member):
    api = api_client_for(team_member)
    rug, hanze = OrganisationFactory(name="RUG"), OrganisationFactory(name="Hanze")
    created = api.post(
        URL,
        {
            "title_nl": "Noordzee havensteden",
            "programme": "interreg",
            "programme_line": "Interreg North Sea Region",
            "call_id": "NSR-4",
            "call_deadline": "2017-03-01",
            "stage": "submitted",
            "stage_on": "2017-03-01",
            "total_budget": "2400000.00",
            "funder_contribution": "1200000.00",
            "cofinancing": "1200000.00",
            "partners": [
                {"organisation": rug.pk, "role": "lead", "share": "1400000.00"},
                {"organisation": hanze.pk, "role": "partner", "share": "1000000.00"},
            ],
            "obligations": [{"kind": "interim", "due_on": "2018-03-31"}],
        },
        format="json",
    )
    assert created.status_code == 201, created.json()
    url = created.json()["url"]
    read = api.get(url)
    assert read["ETag"] == '"1"'
    body = read.json()
    assert body["stage_history"] == [{"stage": "submitted", "changed_on": "2017-03-01"}]
    assert {p["organisation_name"] for p in body["partners"]} == {"RUG", "Hanze"}
    assert body["obligations"][0]["kind"] == "interim"

    refused = api.patch(url, {"stage": "running"}, format="json", HTTP_IF_MATCH='"1"')
    assert refused.status_code == 400 and "stage" in refused.json()
    moved = api.patch(
        url, {"stage": "granted", "stage_on": "2017-09-01"}, format="json", HTTP_IF_MATCH='"1"'
    )
    assert moved.status_code == 200, moved.json()
    assert moved["ETag"] == '"2"'
    assert moved.json()["stage_history"][-1] == {"stage": "granted", "changed_on": "2017-09-01"}
    stale = api.patch(url, {"title_nl": "Oud"}, format="json", HTTP_IF_MATCH='"1"')
    assert stale.status_code == 412
    assert len(api.get(URL, {"programme": "interreg"}).json()["results"]) == 1
    assert api.get(URL, {"programme": "horizon"}).json()["results"] == []
    deleted = api.delete(url, HTTP_IF_MATCH='"2"')
    assert deleted.status_code == 204
