"""Without a lasten/baten column a negative amount is booked as baten; that is right for a
revenue but wrong for a correction of lasten, so the report warns how many lines it concerns
(command, upload preview and API), without refusing the file."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils.translation import gettext as _

from kennisstad.finances.models import Direction, FinanceLine
from kennisstad.finances.services import import_ledger
from kennisstad.policy.tests.factories import seed_policy_field

from .factories import ledger_csv

HEADER = "Jaar;Soort;Grootboekrekening;Taakveld;Beleidsveld;Bedrag"
ROWS = [
    "2018;primitief;4300;3.4;2.1.4;1.000",
    "2018;primitief;8100;3.4;2.1.4;-250",
    "2018;primitief;8110;3.4;2.1.4;(40)",
]


def _data() -> bytes:
    return ledger_csv(ROWS, header=HEADER)


@pytest.mark.django_db
def test_negative_lines_are_baten_with_a_warning_naming_how_many():
    seed_policy_field()
    report = import_ledger(data=_data(), file_name="grootboek.csv")
    expected = _(
        "%(count)s lines were negative and were booked as baten because the file has no "
        "lasten/baten column; check that they are not corrections of lasten."
    ) % {"count": 2}
    assert report.warnings == [expected]
    assert f"! {expected}" in report.lines()
    assert FinanceLine.objects.filter(direction=Direction.INCOME).count() == 2


@pytest.mark.django_db
def test_with_a_lasten_baten_column_there_is_no_warning():
    seed_policy_field()
    rows = ["2018;primitief;4300;3.4;2.1.4;L;-1.000", "2018;primitief;8100;3.4;2.1.4;B;250"]
    report = import_ledger(
        data=ledger_csv(rows, header="Jaar;Soort;Rekening;Taakveld;Beleidsveld;L/B;Bedrag"),
        file_name="grootboek.csv",
    )
    assert report.warnings == []


@pytest.mark.django_db
def test_the_warning_shows_in_command_preview_and_api(
    tmp_path, team_member, client_for, api_client_for, settings
):
    seed_policy_field()
    settings.MEDIA_ROOT = tmp_path
    [expected] = import_ledger(data=_data(), file_name="grootboek.csv", dry_run=True).warnings
    path = tmp_path / "grootboek.csv"
    path.write_bytes(_data())
    out = io.StringIO()
    call_command("import-finances", str(path), "--dry-run", stdout=out)
    assert expected in out.getvalue()
    upload = SimpleUploadedFile("grootboek.csv", _data())
    page = client_for(team_member).post(reverse("finances:ledger-upload"), {"file": upload})
    assert page.context["report"].warnings == [expected]
    assert expected in page.content.decode()
    upload = SimpleUploadedFile("grootboek.csv", _data())
    body = (
        api_client_for(team_member)
        .post("/api/v1/ledger-imports/", {"file": upload, "dry_run": "true"})
        .json()
    )
    assert body["warnings"] == [expected]
