"""The ledger API: lines and imports for the team, totals of a table column, taakvelden for
everyone, and an import that answers 400 naming the rows of a refused file."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from kennisstad.finances.models import FinanceLine, LineKind
from kennisstad.policy.tests.factories import seed_policy_field

from .factories import FinanceLineFactory, ledger_csv, ledger_row, taakveld


@pytest.mark.django_db
def test_taakvelden_are_readable_by_everyone(api_client_for):
    response = api_client_for(None).get("/api/v1/taakvelden/")
    assert response.status_code == 200
    assert "3.4" in [row["code"] for row in response.json()]
    assert api_client_for(None).get("/api/v1/taakvelden/3.4/").json()["title_nl"] == (
        "Economische promotie"
    )


@pytest.mark.django_db
def test_lines_are_the_team_s_and_filter_by_year_kind_and_taakveld(users_by_role, api_client_for):
    FinanceLineFactory(year=2018, amount=Decimal("10.50"))
    FinanceLineFactory(year=2018, kind=LineKind.REALISED)
    FinanceLineFactory(year=2017, taakveld=taakveld("3.1"))
    expected = {"administrator": 200, "team": 200, "reader": 403, "partner": 403}
    for role, status in expected.items():
        assert api_client_for(users_by_role[role]).get("/api/v1/finance-lines/").status_code == (
            status
        )
    assert api_client_for(None).get("/api/v1/finance-lines/").status_code in (401, 403)
    client = api_client_for(users_by_role["team"])
    body = client.get("/api/v1/finance-lines/", {"year": 2018, "kind": "primitief"}).json()
    assert body["count"] == 1 and body["results"][0]["amount"] == "10.50"
    assert body["results"][0]["policy_field"] == "2.1.4"
    assert client.get("/api/v1/finance-lines/", {"taakveld": "3.1"}).json()["count"] == 1


@pytest.mark.django_db
def test_totals_of_a_column_by_policy_area_or_taakveld(team_member, api_client_for):
    FinanceLineFactory(amount=Decimal("1000"))
    FinanceLineFactory(kind=LineKind.AMENDMENT, amendment="BW 1", amount=Decimal("200"))
    FinanceLineFactory(direction="baten", amount=Decimal("300"))
    client = api_client_for(team_member)
    rows = client.get(
        "/api/v1/finance-totals/", {"year": 2018, "basis": "na_wijziging", "by": "taakveld"}
    ).json()
    assert rows == [
        {"key": "3.4", "total_expenses": "1200.00", "total_income": "300.00", "balance": "-900.00"}
    ]
    refused = client.get("/api/v1/finance-totals/", {"year": 2019, "basis": "raming"})
    assert refused.status_code == 400


@pytest.mark.django_db
def test_import_answers_the_report_or_400_naming_rows(users_by_role, api_client_for):
    seed_policy_field()
    client = api_client_for(users_by_role["team"])
    good = SimpleUploadedFile("grootboek.csv", ledger_csv([ledger_row()]))
    dry = client.post("/api/v1/ledger-imports/", {"file": good, "dry_run": "true"})
    assert dry.status_code == 200 and dry.json()["line_count"] == 1
    assert not FinanceLine.objects.exists()

    bad = SimpleUploadedFile("grootboek.csv", ledger_csv([ledger_row(amount="x"), ledger_row()]))
    refused = client.post("/api/v1/ledger-imports/", {"file": bad})
    assert refused.status_code == 400
    assert any("2" in line and "x" in line for line in refused.json()["file"])

    again = SimpleUploadedFile("grootboek.csv", ledger_csv([ledger_row()]))
    created = client.post("/api/v1/ledger-imports/", {"file": again})
    assert created.status_code == 201 and FinanceLine.objects.count() == 1
    listing = client.get("/api/v1/ledger-imports/").json()
    assert listing["results"][0]["line_count"] == 1

    reader = api_client_for(users_by_role["reader"])
    upload = SimpleUploadedFile("grootboek.csv", ledger_csv([ledger_row()]))
    assert reader.post("/api/v1/ledger-imports/", {"file": upload}).status_code == 403
