"""The upload page (team members only) shows a dry run first; the confirmation imports the
file that was previewed. The imports and lines pages are the team's too."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kennisstad.finances.models import FinanceLine, LedgerImport
from kennisstad.policy.tests.factories import seed_policy_field

from .factories import FinanceLineFactory, ledger_csv, ledger_row

PAGES = ["finances:ledger-upload", "finances:ledger-imports", "finances:ledger-lines"]


@pytest.mark.django_db
@pytest.mark.parametrize("name", PAGES)
def test_only_team_members_and_administrators_open_the_ledger_pages(
    name, users_by_role, client_for
):
    FinanceLineFactory()
    expected = {"administrator": 200, "team": 200, "partner": 403, "reader": 403}
    for role, status in expected.items():
        assert client_for(users_by_role[role]).get(reverse(name)).status_code == status, role
    assert client_for(None).get(reverse(name)).status_code == 302


@pytest.mark.django_db
def test_preview_then_confirm_imports_the_previewed_file(
    team_member, client_for, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    seed_policy_field()
    client = client_for(team_member)
    upload = SimpleUploadedFile("grootboek.csv", ledger_csv([ledger_row(amount="1.250,00")]))
    preview = client.post(reverse("finances:ledger-upload"), {"file": upload})
    assert preview.status_code == 200
    assert not FinanceLine.objects.exists()
    confirm = preview.context["confirm"]
    assert confirm["file_name"] == "grootboek.csv"
    assert b'name="confirm"' in preview.content

    done = client.post(
        reverse("finances:ledger-upload"),
        {"confirm": confirm["checksum"], "file_name": "grootboek.csv", "mapping": ""},
    )
    assert done.status_code == 302 and done.url == reverse("finances:ledger-imports")
    assert FinanceLine.objects.get().amount == 1250
    batch = LedgerImport.objects.get()
    assert batch.imported_by == team_member and batch.file_name == "grootboek.csv"
    listing = client.get(reverse("finances:ledger-imports"))
    assert b"grootboek.csv" in listing.content


@pytest.mark.django_db
def test_a_refused_upload_names_the_rows(team_member, client_for):
    seed_policy_field()
    upload = SimpleUploadedFile("grootboek.csv", ledger_csv([ledger_row(taakveld="99.9")]))
    page = client_for(team_member).post(reverse("finances:ledger-upload"), {"file": upload})
    assert page.status_code == 200
    assert "refused" in page.context and page.context["refused"].problems[0].row == 2
    assert "99.9" in page.content.decode()
    assert "confirm" not in page.context


@pytest.mark.django_db
def test_the_lines_page_filters_by_year_and_policy_field(team_member, client_for):
    FinanceLineFactory(year=2018, description="In 2018")
    FinanceLineFactory(year=2017, description="In 2017")
    page = client_for(team_member).get(
        reverse("finances:ledger-lines"), {"year": 2018, "policy_field": "2.1"}
    )
    assert [line.description for line in page.context["object_list"]] == ["In 2018"]
