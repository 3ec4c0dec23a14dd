"""The foreign-travel register exports as XLSX, CSV and DOCX that open with openpyxl and
python-docx (or as Dutch-Excel CSV) and hold the register's rows; the command writes them to a
file. (The gifts registers' exports are tested in integrity/tests.)"""

import io
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from kennisstad.delegations.exports import render
from kennisstad.delegations.selectors import Period

from .factories import DelegationFactory, TravelCostFactory, at, outgoing_visit

pytestmark = pytest.mark.django_db


@pytest.fixture
def registry():
    mission = DelegationFactory(
        activity=outgoing_visit(at(2027, 3, 9), title_nl="Missie Brussel", country="BE"),
        purpose_nl="Lobby waterstof",
    )
    TravelCostFactory(
        delegation=mission,
        traveller_function="Wethouder",
        transport=Decimal("1238.40"),
        lodging=Decimal("189.00"),
        other=Decimal("0.00"),
    )
    TravelCostFactory(
        delegation=mission,
        traveller_function="Adviseur",
        transport=Decimal("100.00"),
        lodging=Decimal("0"),
        other=Decimal("0"),
        paid_by="third_party",
        payer="SNN",
    )
    return mission


def test_travel_xlsx_has_missions_and_totals(registry):
    workbook = load_workbook(io.BytesIO(render("travel", Period(2027, 1), "xlsx")))
    rows = [row for row in workbook.active.iter_rows(values_only=True) if any(row)]
    mission = next(row for row in rows if row[0] == "Missie Brussel")
    assert mission[4] == "Wethouder, Adviseur"
    assert mission[6:8] == (1427.40, 100) and mission[9] == 1527.40
    total = rows[-1]
    assert total[0] == "Totaal" and total[9] == 1527.40


def test_docx_is_a_table_word_opens(registry):
    word = Document(io.BytesIO(render("travel", Period(2027, 1), "docx")))
    [table] = word.tables
    cells = [[cell.text for cell in row.cells] for row in table.rows]
    assert cells[0][0] == "Missie"
    assert cells[1][0] == "Missie Brussel"
    assert cells[1][9] == "€ 1.527,40"
    assert "Porseleinen vaas" not in str(cells)  # gifts are not in the travel register


def test_csv_is_for_dutch_excel(registry):
    data = render("travel", Period(2027, 1), "csv")
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0].split(";")[0] == "Missie"
    assert lines[1].split(";")[-1] == "1527,40"
    assert lines[-1].startswith("Totaal;")


def test_the_command_writes_every_format(tmp_path, registry):
    for fmt in ("xlsx", "csv", "docx"):
        target = tmp_path / f"travel.{fmt}"
        call_command(
            "export-registers",
            register="travel",
            year=2027,
            half=1,
            format=fmt,
            output=str(target),
        )
        assert target.stat().st_size > 0
    call_command(
        "export-registers",
        "--register",
        "travel",
        "--year",
        "2027",
        "--format",
        "xlsx",
        "--output",
        str(tmp_path / "travel.xlsx"),
        "--language",
        "en",
    )
    sheet = load_workbook(tmp_path / "travel.xlsx").active
    assert "Foreign-travel register" in sheet["A1"].value
    with pytest.raises(CommandError):
        call_command(
            "export-registers",
            register="travel",
            year=2027,
            format="csv",
            output=str(tmp_path / "missing" / "x.csv"),
        )


def test_pages_download_the_register(client_for, team_member, registry):
    web = client_for(team_member)
    response = web.get(reverse("delegations:travel-register"), {"year": 2027, "format": "xlsx"})
    assert response.status_code == 200
    assert "register-buitenlandse-reizen-2027.xlsx" in response["Content-Disposition"]
    load_workbook(io.BytesIO(response.content))
    page = web.get(reverse("delegations:travel-register"), {"year": 2027, "half": 1})
    text = page.content.decode()
    assert "Missie Brussel" in text and "1.527,40" in text
