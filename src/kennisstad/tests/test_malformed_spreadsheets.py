"""Files that are no spreadsheet at all get one clear error, and nothing is imported."""

import io

import pytest
from openpyxl import Workbook

from kennisstad.core.spreadsheets import SpreadsheetError
from kennisstad.workspace.imports import import_file

pytestmark = pytest.mark.django_db


def empty_workbook() -> bytes:
    buffer = io.BytesIO()
    Workbook().save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "filename", "message"),
    [
        (b"", "leeg.xlsx", "Het bestand is leeg."),
        (b"   \n", "leeg.csv", "Het bestand is leeg."),
        (b"%PDF-1.4 something", "brief.xlsx", "heet .xlsx maar is geen Excel-werkmap"),
        (b"PK\x03\x04 broken zip", "kapot.xlsx", "geen leesbare Excel-werkmap"),
        (empty_workbook(), "leeg.xlsx", "geen kopregel"),
        (b";;\n;;\n", "leeg.csv", "geen kopregel"),
        (b"\xd0\xcf\x11\xe0 old excel", "oud.xls", "Sla het bestand op als"),
    ],
)
def test_malformed_files_are_refused_with_a_clear_error(team_member, data, filename, message):
    with pytest.raises(SpreadsheetError, match=message):
        import_file(data=data, filename=filename, kind="organisations", user=team_member)


def test_the_upload_form_shows_the_error_and_is_for_the_team_only(client_for, team_member, reader):
    from django.core.files.uploadedfile import SimpleUploadedFile

    assert client_for(reader).get("/dashboard/import/").status_code == 403
    response = client_for(team_member).post(
        "/dashboard/import/",
        {"kind": "organisations", "file": SimpleUploadedFile("x.xlsx", b"not a workbook")},
    )
    assert response.status_code == 200
    assert "geen Excel-werkmap" in response.content.decode()
