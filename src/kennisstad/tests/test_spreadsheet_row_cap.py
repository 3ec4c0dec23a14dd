"""A spreadsheet longer than any real import (``SPREADSHEET_MAX_ROWS``) is refused before a
single row is checked, with a message naming the limit; a file full of wrong rows stops being
read after ``MAX_REPORTED_ERRORS`` of them, so a bad file fails fast however long it is."""

import io

import pytest
from openpyxl import Workbook

from kennisstad.core import spreadsheets
from kennisstad.core.spreadsheets import ImportRefused, SpreadsheetError
from kennisstad.workspace.imports import import_file

pytestmark = pytest.mark.django_db


def csv_of(rows: int, country: str = "Nederland") -> bytes:
    lines = ["Naam;Land"] + [f"Organisatie {n};{country}" for n in range(rows)]
    return "\n".join(lines).encode()


def test_a_csv_over_the_row_limit_is_refused_naming_the_limit(settings, team_member):
    settings.SPREADSHEET_MAX_ROWS = 1000
    with pytest.raises(SpreadsheetError) as refused:
        # Every row is wrong too: the count comes first, no row is checked.
        import_file(
            data=csv_of(1001, country="Atlantis"),
            filename="lang.csv",
            kind="organisations",
            user=team_member,
        )
    assert "1.000" in str(refused.value)  # the limit, in Dutch notation


def test_a_workbook_over_the_row_limit_is_refused_naming_the_limit(settings, team_member):
    settings.SPREADSHEET_MAX_ROWS = 20
    workbook = Workbook()
    workbook.active.append(["Naam", "Land"])
    for n in range(21):
        workbook.active.append([f"Organisatie {n}", "Nederland"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    with pytest.raises(SpreadsheetError, match="20"):
        import_file(
            data=buffer.getvalue(), filename="lang.xlsx", kind="organisations", user=team_member
        )


def test_a_file_at_the_limit_is_imported(settings, team_member):
    settings.SPREADSHEET_MAX_ROWS = 30
    report = import_file(data=csv_of(30), filename="ok.csv", kind="organisations", user=team_member)
    assert len(report.created) == 30


def test_reading_stops_after_the_reported_errors(team_member):
    rows = spreadsheets.MAX_REPORTED_ERRORS * 3
    with pytest.raises(ImportRefused) as refused:
        import_file(
            data=csv_of(rows, country="Atlantis"),
            filename="fout.csv",
            kind="organisations",
            user=team_member,
        )
    errors = refused.value.lines()
    assert len(errors) == spreadsheets.MAX_REPORTED_ERRORS + 1
    assert str(spreadsheets.MAX_REPORTED_ERRORS) in errors[-1]
