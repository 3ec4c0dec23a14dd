"""The register of a period downloads as XLSX, CSV (Dutch Excel: BOM, ``;``, decimal comma) and
DOCX that open with openpyxl and python-docx and hold that period's rows only: the gifts
received above the threshold, and the trips paid by third parties per office-holder."""

import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils.translation import gettext
from docx import Document
from openpyxl import load_workbook

from kennisstad.integrity.exports import render
from kennisstad.integrity.models import Function
from kennisstad.integrity.selectors import PublicationPeriod

from .factories import (
    GiftGivenFactory,
    GiftReceivedFactory,
    OfficeHolderFactory,
    ThirdPartyTripFactory,
)

pytestmark = pytest.mark.django_db

Q1 = PublicationPeriod(2025, 1)


@pytest.fixture
def registers():
    mayor = OfficeHolderFactory(name="Hendrik Wiersma", function="mayor", portfolio="")
    GiftReceivedFactory(
        recipient=mayor,
        description_nl="Porseleinen vaas",
        received_on=datetime.date(2025, 3, 10),
        estimated_value=Decimal("350.00"),
    )
    GiftReceivedFactory(
        description_nl="Zijden sjaal",
        estimated_value=Decimal("40.00"),
        received_on=datetime.date(2025, 3, 10),
        disposition="kept",
    )
    GiftReceivedFactory(description_nl="Tegel", received_on=datetime.date(2025, 4, 1))
    GiftGivenFactory(description_nl="Designkussen", given_on=datetime.date(2025, 3, 10))
    ThirdPartyTripFactory(
        office_holder=mayor,
        destination="Hamburg",
        starts_on=datetime.date(2025, 2, 3),
        ends_on=datetime.date(2025, 2, 4),
    )
    ThirdPartyTripFactory(
        destination="Tianjin",
        starts_on=datetime.date(2025, 5, 3),
        ends_on=datetime.date(2025, 5, 8),
    )


def test_xlsx_has_typed_rows_of_the_period_only(registers):
    workbook = load_workbook(io.BytesIO(render("gifts", Q1, "xlsx")))
    rows = [row for row in workbook.active.iter_rows(values_only=True) if any(row)]
    header = rows.index(next(row for row in rows if row[0] == "Datum"))
    data = rows[header + 1 :]
    assert len(data) == 1
    assert data[0][0] == datetime.datetime(2025, 3, 10)
    assert data[0][1] == "Hendrik Wiersma" and data[0][2] == str(Function.MAYOR.label)
    assert data[0][5] == "Porseleinen vaas" and data[0][6] == 350
    trips = load_workbook(io.BytesIO(render("trips", Q1, "xlsx")))
    destinations = [row[5] for row in trips.active.iter_rows(values_only=True)]
    assert "Hamburg" in destinations and "Tianjin" not in destinations


def test_csv_is_for_dutch_excel(registers):
    data = render("gifts", Q1, "csv")
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0].split(";")[0] == "Datum"
    assert len(lines) == 2
    assert lines[1].split(";")[0] == "10-03-2025" and lines[1].split(";")[6] == "350,00"
    assert "Designkussen" not in data.decode("utf-8-sig")  # a gift given is never in it


def test_docx_is_a_table_word_opens(registers):
    word = Document(io.BytesIO(render("trips", Q1, "docx")))
    [table] = word.tables
    cells = [[cell.text for cell in row.cells] for row in table.rows]
    assert cells[0][0] == gettext("Office-holder")
    assert [row[5] for row in cells[1:]] == ["Hamburg"]
    gifts = Document(io.BytesIO(render("gifts", PublicationPeriod(2025, 1, "half_year"), "docx")))
    texts = [row.cells[5].text for row in gifts.tables[0].rows[1:]]
    assert texts == ["Porseleinen vaas", "Tegel"]


def test_the_team_page_and_the_portal_download(client, client_for, reader, registers):
    response = client_for(reader).get(
        reverse("integrity:register"), {"period": Q1.slug, "register": "trips", "format": "csv"}
    )
    assert response.status_code == 200
    assert "2025-q1.csv" in response["Content-Disposition"]
    public = client.get(reverse("portal:integrity-download", args=[Q1.slug, "gifts", "docx"]))
    assert public.status_code == 200
    Document(io.BytesIO(public.content))


def test_the_command_writes_a_period(tmp_path, registers):
    from django.core.management import call_command
    from django.core.management.base import CommandError

    target = tmp_path / "gifts.xlsx"
    call_command(
        "export-integrity-register",
        register="gifts",
        period="2025-q1",
        format="xlsx",
        output=str(target),
        language="en",
    )
    assert "Gifts register" in load_workbook(target).active["A1"].value
    with pytest.raises(CommandError):
        call_command(
            "export-integrity-register",
            register="gifts",
            period="2025-q9",
            format="csv",
            output=str(tmp_path / "x.csv"),
        )
