"""The register of processing activities (AVG art. 30) is built from the apps' declarations:
every registered kind of record appears with its period in force and its ground, and the
xlsx, csv and docx downloads open and hold the same."""

import csv
import io

import openpyxl
import pytest
from django.urls import reverse

from kennisstad.privacy.registry import record_kinds
from kennisstad.privacy.selectors import register_rows
from kennisstad.privacy.tests.factories import RetentionPeriodFactory

pytestmark = pytest.mark.django_db


def _body(response) -> bytes:
    if hasattr(response, "streaming_content"):
        return b"".join(response.streaming_content)
    return response.content


def test_every_kind_appears_with_its_period_and_ground():
    RetentionPeriodFactory(kind="relations.person", months=18, ground="Collegebesluit 2026")
    in_register = {item.kind.key: item for row in register_rows() for item in row.retention}
    for key in record_kinds:
        if key.startswith(("relations.", "registrations.", "newsletter.", "delegations.")):
            assert key in in_register, key
    assert in_register["relations.person"].months == 18
    assert in_register["relations.person"].ground == "Collegebesluit 2026"


def test_the_downloads_open(client_for, team_member, reader):
    RetentionPeriodFactory(kind="relations.person", months=18, ground="Collegebesluit 2026")
    client = client_for(team_member)
    url = reverse("privacy:register")
    assert "Collegebesluit 2026" in client.get(url).content.decode()
    assert client_for(reader).get(url).status_code == 200

    text = _body(client.get(url, {"format": "csv"})).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert len(rows) == 1 + len(register_rows())
    assert any("18" in cell and "Collegebesluit 2026" in cell for row in rows for cell in row)

    workbook = openpyxl.load_workbook(io.BytesIO(_body(client.get(url, {"format": "xlsx"}))))
    cells = [c for row in workbook.active.iter_rows(values_only=True) for c in row if c]
    assert any("Collegebesluit 2026" in str(cell) for cell in cells)

    from docx import Document

    word = Document(io.BytesIO(_body(client.get(url, {"format": "docx"}))))
    text = "\n".join(cell.text for table in word.tables for row in table.rows for cell in row.cells)
    assert "Collegebesluit 2026" in text


def test_partners_cannot_open_it(client_for, partner_editor):
    assert client_for(partner_editor).get(reverse("privacy:register")).status_code == 403
