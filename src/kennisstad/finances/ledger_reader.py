"""Reading a ledger export (.csv or .xlsx) into its header and rows.

A ledger export is longer than a registry spreadsheet (a municipality's whole budget is tens
of thousands of lines), so it has its own limits, but it is read the way
``core.spreadsheets.tables`` reads a spreadsheet: CSV in UTF-8 (with or without a byte-order
mark) or, failing that, cp1252 as a Dutch Excel writes it, its separator (``;``, ``,`` or tab)
sniffed from the header line; a workbook's first sheet read lazily with openpyxl, numbers
staying numbers. Row numbers are the ones a spreadsheet program shows: the header is row 1.
"""

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from defusedxml import DefusedXmlException  # type: ignore[import-untyped]
from django.utils.translation import gettext as _

from kennisstad.core.spreadsheets import SpreadsheetError
from kennisstad.core.spreadsheets.tables import MAX_COLUMNS, UNREADABLE_SHEET
from kennisstad.core.zip_files import declared_unpacked_size

# A full ledger of a large municipality fits; a file larger than this is not a ledger export.
MAX_BYTES = 60_000_000
MAX_UNPACKED_BYTES = 5 * MAX_BYTES
MAX_ROWS = 500_000
SEPARATORS = ";,\t"


@dataclass
class LedgerTable:
    headers: list[str]
    rows: Iterator[tuple[int, list[Any]]]  # (row number as a spreadsheet shows it, cell values)


def _cell(value: object) -> object:
    return value.strip() if isinstance(value, str) else value


def _too_many_rows() -> SpreadsheetError:
    return SpreadsheetError(
        _("The file has more than %(limit)s rows; split it by year.") % {"limit": MAX_ROWS}
    )


def decode(data: bytes) -> str:
    """UTF-8 (a byte-order mark dropped), else Windows-1252 as Excel in Dutch saves CSV."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def sniff_separator(first_line: str) -> str:
    """The separator the header line uses most: ``;`` (Dutch Excel), ``,`` or tab."""
    if not first_line:
        return ";"
    try:
        return csv.Sniffer().sniff(first_line, delimiters=SEPARATORS).delimiter
    except csv.Error:
        return max(SEPARATORS, key=first_line.count)


def _csv_rows(data: bytes) -> Iterator[tuple[int, list[Any]]]:
    text = decode(data)
    if "\x00" in text:
        raise SpreadsheetError(_("The file is not a text (CSV) file."))
    separator = sniff_separator(text.split("\n", 1)[0].rstrip("\r"))
    reader = csv.reader(io.StringIO(text), delimiter=separator)
    number = 0
    try:
        for values in reader:
            number += 1
            if number > MAX_ROWS + 1:
                raise _too_many_rows()
            yield number, [_cell(value) for value in values[:MAX_COLUMNS]]
    except csv.Error as exc:
        raise SpreadsheetError(str(exc), row=number + 1) from exc


def _xlsx_rows(data: bytes) -> Iterator[tuple[int, list[Any]]]:
    from openpyxl import load_workbook  # type: ignore[import-untyped]

    unpacked = declared_unpacked_size(data)
    if unpacked is not None and unpacked > MAX_UNPACKED_BYTES:
        raise SpreadsheetError(
            _("The workbook unpacks to more than %(size)s MB.")
            % {"size": MAX_UNPACKED_BYTES // 1_000_000}
        )
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
    except (*UNREADABLE_SHEET, DefusedXmlException) as exc:
        raise SpreadsheetError(
            _("The file is not a readable Excel workbook (.xlsx): %(problem)s") % {"problem": exc}
        ) from exc
    number = 0
    rows = sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS)
    while True:
        try:
            values = next(rows)
        except StopIteration:
            return
        except UNREADABLE_SHEET as exc:
            raise SpreadsheetError(
                _("Row %(row)s of the workbook cannot be read (%(problem)s): the file is damaged.")
                % {"row": number + 1, "problem": exc}
            ) from exc
        number += 1
        if number > MAX_ROWS + 1:
            raise _too_many_rows()
        yield number, [_cell(value) for value in values]


def read_ledger(data: bytes, *, filename: str = "") -> LedgerTable:
    """Open the export; the first non-empty row is the header. Raises ``SpreadsheetError``
    (an ``ImportRefused``) when the file as a whole cannot be read."""
    if not data or not data.strip():
        raise SpreadsheetError(_("The file is empty."))
    if len(data) > MAX_BYTES:
        raise SpreadsheetError(
            _("The file is larger than %(size)s MB.") % {"size": MAX_BYTES // 1_000_000}
        )
    is_zip = data[:4] == b"PK\x03\x04"
    name = filename.lower()
    if name.endswith((".xlsx", ".xlsm")) and not is_zip:
        raise SpreadsheetError(_("The file is called .xlsx but is not an Excel workbook."))
    if name.endswith((".xls", ".ods")) or (is_zip and name.endswith(".csv")):
        raise SpreadsheetError(_("Save the file as Excel workbook (.xlsx) or CSV and try again."))
    rows = _xlsx_rows(data) if is_zip else _csv_rows(data)
    for _number, values in rows:
        if any(value not in (None, "") for value in values):
            headers = [str(value if value is not None else "").strip() for value in values]
            return LedgerTable(headers=headers, rows=rows)
    raise SpreadsheetError(_("The file has no header row: it contains no data at all."))
