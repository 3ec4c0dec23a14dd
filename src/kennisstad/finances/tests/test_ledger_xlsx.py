"""A workbook's numbers stay numbers: a year 2018.0 is 2018, an amount 1234.5 is €1,234.50,
and a taakveld typed by its (former) name is found."""

import io
from decimal import Decimal

import pytest
from openpyxl import Workbook

from kennisstad.finances.models import Direction, FinanceLine, Taakveld
from kennisstad.finances.services import import_ledger
from kennisstad.policy.tests.factories import seed_policy_field


def _workbook(rows: list[list]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(["Jaar", "Soort", "Taakveld", "Beleidsveld", "Lasten/baten", "Bedrag"])
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.django_db
def test_an_xlsx_export_imports_with_numbers_as_numbers():
    seed_policy_field()
    data = _workbook(
        [
            [2018.0, "Realisatie", "Economische promotie", "2.1.4", "lasten", 1234.5],
            [2018, "actual", "3.1", "2.1.4", "baten", 99],
        ]
    )
    report = import_ledger(data=data, file_name="grootboek.xlsx")
    assert report.line_count == 2
    lines = {line.taakveld.code: line for line in FinanceLine.objects.all()}
    assert lines["3.4"].amount == Decimal("1234.50") and lines["3.4"].year == 2018
    assert lines["3.1"].direction == Direction.INCOME
    assert lines["3.4"].row_number == 2 and lines["3.1"].row_number == 3


@pytest.mark.django_db
def test_a_former_title_of_a_taakveld_is_recognised():
    seed_policy_field()
    taakveld = Taakveld.objects.get(code="3.4")
    taakveld.former_titles = ["City marketing oud"]
    taakveld.save()
    import_ledger(
        data=_workbook([[2018, "primitief", "City Marketing oud", "2.1.4", "L", 10]]),
        file_name="grootboek.xlsx",
    )
    assert FinanceLine.objects.get().taakveld == taakveld
