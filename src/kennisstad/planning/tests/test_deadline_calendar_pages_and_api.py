"""The P&C calendar: the municipality's side reads the deadlines of a year with days left and
figures missing; only the team sets, moves and removes them (versioned, in the audit trail);
partners and anonymous visitors get nothing of it, in pages and API alike."""

import datetime

import pytest
from django.urls import reverse

from kennisstad.indicators.tests.deadline_setup import DUE, chapter_with, owned_indicators
from kennisstad.policy.models import Deadline
from kennisstad.policy.tests.factories import DeadlineFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def deadline():
    chapter_with(*owned_indicators(one=None, two=None).values())
    return DeadlineFactory(due_on=DUE, version=1)


def test_readers_see_the_year_with_the_missing_count(client_for, reader, deadline):
    response = client_for(reader).get(reverse("planning:deadline-list") + "?year=2019")
    assert response.status_code == 200
    [row] = response.context["rows"]
    assert row.deadline == deadline and row.figure_count == 4  # 2 indicators, each 2017 and 2019
    html = response.content.decode()
    assert "15 mei 2018" in html and "<strong>4</strong>" in html
    assert reverse("planning:deadline-create") not in html  # readers do not edit
    detail = client_for(reader).get(reverse("planning:deadline-detail", args=[deadline.pk]))
    assert "Indicator one" in detail.content.decode()


def test_partners_and_anonymous_get_nothing(client_for, partner_editor, api_client_for, deadline):
    for name, args in [("planning:deadline-list", []), ("planning:deadline-detail", [deadline.pk])]:
        assert client_for(partner_editor).get(reverse(name, args=args)).status_code == 403
        assert client_for(None).get(reverse(name, args=args)).status_code == 302
    assert api_client_for(partner_editor).get("/api/v1/deadlines/").status_code == 403
    assert api_client_for(None).get("/api/v1/deadlines/").status_code == 401


def test_the_team_sets_moves_and_removes_a_deadline(client_for, team_member, reader):
    client = client_for(team_member)
    data = {
        "document_kind": "jaarstukken",
        "year": 2018,
        "sequence": 1,
        "due_on": "2019-02-15",
        "remind_days_before": 21,
        "description_nl": "Aanlevering jaarverslag",
    }
    assert client.post(reverse("planning:deadline-create"), data).status_code == 302
    deadline = Deadline.objects.get(year=2018)
    update = reverse("planning:deadline-update", args=[deadline.pk])
    moved = {**data, "due_on": "2019-02-22", "version": 1}
    assert client.post(update, moved).status_code == 302
    stale = client.post(update, {**data, "due_on": "2019-03-01", "version": 1})
    assert stale.status_code == 409  # somebody moved it since: not overwritten
    deadline.refresh_from_db()
    assert deadline.due_on == datetime.date(2019, 2, 22) and deadline.history.count() == 2
    assert client_for(reader).post(update, moved).status_code == 403
    twice = client.post(reverse("planning:deadline-create"), data)
    assert twice.status_code == 200 and twice.context["form"].errors  # one per document input
    delete = reverse("planning:deadline-delete", args=[deadline.pk])
    assert client.post(delete, {"version": 2}).status_code == 302
    assert not Deadline.objects.exists()


def test_the_api_lists_and_writes_with_the_version(api_client_for, team_member, reader, deadline):
    listed = api_client_for(reader).get("/api/v1/deadlines/?year=2019").json()
    [item] = listed["results"]
    assert item["due_on"] == "2018-05-15" and len(item["missing"]) == 2
    assert item["missing"][0]["figures"] == ["realisation:2017", "target:2019"]
    body = {"document_kind": "bestuursrapportage", "year": 2019, "sequence": 3, "due_on": "x"}
    assert api_client_for(reader).post("/api/v1/deadlines/", body).status_code == 403
    client = api_client_for(team_member)
    response = client.post("/api/v1/deadlines/", {**body, "due_on": "2019-09-16"}, format="json")
    assert response.status_code == 201, response.json()
    created = response.json()
    wrong = client.post(
        "/api/v1/deadlines/",
        {"document_kind": "begroting", "year": 2020, "sequence": 2, "due_on": "2019-05-15"},
        format="json",
    )
    assert wrong.status_code == 400 and "sequence" in wrong.json()
    url = f"/api/v1/deadlines/{created['id']}/"
    assert client.patch(url, {"due_on": "2019-09-20"}, format="json").status_code == 428
    patched = client.patch(url, {"due_on": "2019-09-20", "version": 1}, format="json")
    assert patched.status_code == 200 and patched.json()["version"] == 2
    assert client.delete(url, HTTP_IF_MATCH='"2"').status_code == 204
