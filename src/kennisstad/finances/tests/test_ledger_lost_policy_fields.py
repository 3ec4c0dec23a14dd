"""A file replaces whole sets; one filtered to one programme, or holding only the newest
wijziging, would silently empty the rest. The dry run names per set each policy field (and
each wijziging) that has stored lines now and none after the import."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from kennisstad.finances.models import FinanceLine, LineKind
from kennisstad.finances.services import import_ledger
from kennisstad.policy.models import PolicyArea
from kennisstad.policy.tests.factories import seed_policy_field

from .factories import FinanceLineFactory, ledger_csv, ledger_row

HEADER = "Jaar;Soort;Wijziging;Taakveld;Beleidsveld;L/B;Bedrag"


def _stored() -> None:
    seed_policy_field()
    programme = PolicyArea.objects.get(code="2")
    FinanceLineFactory(year=2018, kind=LineKind.ORIGINAL_BUDGET)  # 2.1.4
    FinanceLineFactory(year=2018, kind=LineKind.ORIGINAL_BUDGET, policy_area=programme)
    FinanceLineFactory(year=2018, kind=LineKind.AMENDMENT, amendment="BW-1")
    FinanceLineFactory(year=2018, kind=LineKind.AMENDMENT, amendment="BW-2")


@pytest.mark.django_db
def test_a_dry_run_names_policy_fields_and_amendments_that_lose_all_lines():
    _stored()
    rows = ["2018;primitief;;3.4;2.1.4;L;10", "2018;wijziging;BW-2;3.4;2.1.4;L;5"]
    report = import_ledger(data=ledger_csv(rows, header=HEADER), file_name="g.csv", dry_run=True)
    scopes = {scope.kind: scope for scope in report.scopes}
    assert scopes[LineKind.ORIGINAL_BUDGET].lost_policy_fields == ["2"]
    assert scopes[LineKind.ORIGINAL_BUDGET].lost_amendments == []
    assert scopes[LineKind.AMENDMENT].lost_policy_fields == []
    assert scopes[LineKind.AMENDMENT].lost_amendments == ["BW-1"]
    assert report.warnings == [
        *scopes[LineKind.ORIGINAL_BUDGET].losses(),
        *scopes[LineKind.AMENDMENT].losses(),
    ]
    assert len(report.warnings) == 2
    assert "BW-1" in report.warnings[1] and "BW-2" not in report.warnings[1]
    assert FinanceLine.objects.count() == 4


@pytest.mark.django_db
def test_a_file_with_every_stored_policy_field_warns_nothing():
    _stored()
    rows = [ledger_row(policy_field="2.1.4"), ledger_row(policy_field="2", account="2")]
    report = import_ledger(data=ledger_csv(rows), file_name="g.csv", dry_run=True)
    assert report.warnings == []


@pytest.mark.django_db
def test_the_losses_show_in_command_preview_and_api(
    tmp_path, team_member, client_for, api_client_for, settings
):
    _stored()
    settings.MEDIA_ROOT = tmp_path
    data = ledger_csv(["2018;primitief;;3.4;2.1.4;L;10"], header=HEADER)
    [expected] = import_ledger(data=data, file_name="g.csv", dry_run=True).warnings
    path = tmp_path / "g.csv"
    path.write_bytes(data)
    out = io.StringIO()
    call_command("import-finances", str(path), "--dry-run", stdout=out)
    assert expected in out.getvalue()
    page = client_for(team_member).post(
        reverse("finances:ledger-upload"), {"file": SimpleUploadedFile("g.csv", data)}
    )
    assert expected in page.content.decode()
    body = (
        api_client_for(team_member)
        .post(
            "/api/v1/ledger-imports/",
            {"file": SimpleUploadedFile("g.csv", data), "dry_run": "true"},
        )
        .json()
    )
    assert body["warnings"] == [expected]
    assert body["scopes"][0]["lost_policy_fields"] == ["2"]
    assert FinanceLine.objects.count() == 4
