"""Fuzz: every importable kind, fed rows of generated cell values (text with odd characters,
huge and negative numbers, NaN, far dates, yes/no, formulas, empty), as .xlsx and as .csv,
either imports or raises the import's own error, each message naming its row; never anything
else, and a refused import writes nothing."""

import csv
import datetime
import io
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from kennisstad.core.spreadsheets import (
    ImportRefused,
    SpreadsheetError,
)
from kennisstad.workspace.imports import IMPORT_KINDS, import_file, import_spec

pytestmark = pytest.mark.django_db

FUZZ = settings(
    derandomize=True,
    deadline=None,
    max_examples=20,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
ROW_NAMED = re.compile(r"^(row|rij) \d+: ", re.IGNORECASE)

words = st.sampled_from(
    [
        "NL",
        "Nederland",
        "Germany",
        "ja",
        "nee",
        "Kennisinstelling",
        "knowledge",
        "Energie",
        "2030-12-31",
        "31-12-2030",
        "=1+1",
        "'=cmd",
        "1.250",
        "12,5",
        "null",
        "-",
        "",
    ]
)
cells = st.one_of(
    st.none(),
    words,
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=200, max_size=400),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(min_value=datetime.date(1, 1, 1), max_value=datetime.date(9999, 12, 31)),
    st.booleans(),
)


def as_xlsx(headers, rows) -> bytes:
    book = Workbook()
    book.active.append(headers)
    for row in rows:
        book.active.append([_xlsx_cell(value) for value in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _xlsx_cell(value):
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)  # openpyxl cannot even write these
    if isinstance(value, float) and value != value:
        return "NaN"
    if isinstance(value, int) and abs(value) > 2**53:
        return str(value)
    return value


def as_csv(headers, rows) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(headers)
    writer.writerows(["" if value is None else value for value in row] for row in rows)
    return buffer.getvalue().encode()


@pytest.mark.parametrize("kind", sorted(IMPORT_KINDS))
def test_generated_rows_import_or_are_refused_by_row(team_member, kind):
    headers = [column.header() for column in import_spec(kind).columns]

    @FUZZ
    @given(
        rows=st.lists(
            st.lists(cells, min_size=len(headers), max_size=len(headers)), min_size=1, max_size=4
        ),
        fmt=st.sampled_from(["xlsx", "csv"]),
        dry_run=st.booleans(),
    )
    def check(rows, fmt, dry_run):
        data = as_xlsx(headers, rows) if fmt == "xlsx" else as_csv(headers, rows)
        try:
            import_file(
                data=data, filename=f"fuzz.{fmt}", kind=kind, user=team_member, dry_run=dry_run
            )
        except SpreadsheetError as refused:  # the file as a whole: one problem, said
            assert str(refused)
        except ImportRefused as refused:
            unnamed = [line for line in refused.lines() if not ROW_NAMED.match(line)]
            assert not unnamed, unnamed
            assert all(problem.row for problem in refused.problems)

    check()
