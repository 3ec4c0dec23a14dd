"""A workbook that holds taakveld 0.10 or policy field 2.10 as a number has lost the trailing
zero (0.1 is another taakveld): such a cell is refused naming row and column; a whole number
(a programme code 2) is a code as it is."""

import io

import pytest
from openpyxl import Workbook

from kennisstad.core.imports import ImportRefused
from kennisstad.finances.models import FinanceLine
from kennisstad.finances.services import import_ledger
from kennisstad.policy.tests.factories import seed_policy_field

HEADER = ["Jaar", "Soort", "Taakveld", "Beleidsveld", "Lasten/baten", "Bedrag"]


def _workbook(rows: list[list]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.django_db
def test_a_taakveld_typed_as_a_decimal_number_is_refused():
    seed_policy_field()
    data = _workbook(
        [[2018, "primitief", "3.4", "2.1.4", "L", 10], [2018, "primitief", 0.1, "2.1.4", "L", 5]]
    )
    with pytest.raises(ImportRefused) as refused:
        import_ledger(data=data, file_name="grootboek.xlsx")
    [problem] = refused.value.problems
    assert (problem.row, problem.field) == (3, "Taakveld")
    assert "0.1" in problem.message and "0.10" in problem.message
    assert not FinanceLine.objects.exists()


@pytest.mark.django_db
def test_a_policy_field_typed_as_a_decimal_number_is_refused():
    seed_policy_field()
    data = _workbook([[2018, "primitief", "3.4", 2.1, "L", 10]])
    with pytest.raises(ImportRefused) as refused:
        import_ledger(data=data, file_name="grootboek.xlsx")
    [problem] = refused.value.problems
    assert (problem.row, problem.field) == (2, "Beleidsveld")
    assert "2.1" in problem.message and "0.10" in problem.message


@pytest.mark.django_db
def test_a_whole_number_is_a_code():
    seed_policy_field()  # holds programme 2
    report = import_ledger(
        data=_workbook(
            [[2018, "primitief", "3.4", 2, "L", 10], [2018, "primitief", "3.4", 2.0, "B", 4]]
        ),
        file_name="grootboek.xlsx",
    )
    assert report.line_count == 2
    assert set(FinanceLine.objects.values_list("policy_area__code", flat=True)) == {"2"}
