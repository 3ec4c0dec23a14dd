"""Reading a spreadsheet file (.xlsx or .csv) into a ``Table``: its header row and its rows.

Anything that makes the whole file unusable (empty, not a spreadsheet, damaged, declaring XML
entities, unpacking to more than ``MAX_UNPACKED_BYTES``, more rows than ``SPREADSHEET_MAX_ROWS``)
raises ``SpreadsheetError``, an ``ImportRefused``; the rows are read lazily, so a damaged row is
found while importing. A file is read up to its ``MAX_COLUMNS``th column.
"""

import csv
import io
import itertools
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from xml.etree import ElementTree

from defusedxml import DefusedXmlException
from django.conf import settings
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from ..exports import FORMULA_STARTS
from ..imports import ImportProblem, ImportRefused
from ..zip_files import declared_unpacked_size

MAX_BYTES = 20_000_000
# A workbook is a zip: a few MB can unpack to GBs (openpyxl holds all shared strings in memory),
# so the sizes its parts declare are checked first (``core.zip_files``).
MAX_UNPACKED_BYTES = 5 * MAX_BYTES
# No import has more columns than Excel 2003 had (up to IV). A workbook cell far to the right
# widens every row read after it (ZZZ is 18,278 cells); a CSV header of a million unknown
# columns would report each one as skipped.
MAX_COLUMNS = 256
# What a damaged workbook raises while it is read: a broken zip member, cut-off or malformed
# XML (ParseError is a SyntaxError), a number cell holding text, a missing part, a part openpyxl
# expects but does not check for (a chart sheet without its relations: AttributeError).
UNREADABLE_SHEET = (
    AttributeError,
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    KeyError,
    OSError,
    ValueError,
    TypeError,
    IndexError,
    ElementTree.ParseError,
)
# The apostrophe the exports put before formula-like text (``exports.FORMULA_STARTS``).
FORMULA_QUOTE_STARTS = tuple("'" + start for start in FORMULA_STARTS)


class SpreadsheetError(ImportRefused):
    """The file as a whole cannot be read (not a spreadsheet, empty, no header, too long):
    the import's one refusal, with the one problem that stops it."""

    def __init__(self, message: str, **location):
        super().__init__(ImportProblem(message, **location))


@dataclass
class Table:
    headers: list[str]
    header_row: int
    rows: Iterator[tuple[int, list]]  # (row number as the spreadsheet shows it, values)


def _clean(value):
    if isinstance(value, str):
        value = value.strip()
        if value.startswith(FORMULA_QUOTE_STARTS):
            # The apostrophe our export puts before formula-like text; what follows is
            # stripped like any other cell (a tab or line break the export kept as text).
            value = value[1:].strip()
    return value


def _first_header(rows: Iterator[tuple[int, list]]) -> tuple[int, list[str]]:
    for number, values in rows:
        if any(value not in (None, "") for value in values):
            return number, [str(value or "").strip() for value in values]
    raise SpreadsheetError(_("The file has no header row: it contains no data at all."))


def too_many_rows() -> SpreadsheetError:
    limit = number_format(settings.SPREADSHEET_MAX_ROWS, force_grouping=True)
    return SpreadsheetError(
        _(
            "The file has more than %(limit)s rows, the most one import takes. "
            "Split it into files of at most %(limit)s rows."
        )
        % {"limit": limit}
    )


def _xlsx_rows(data: bytes) -> Iterator[tuple[int, list]]:
    from openpyxl import load_workbook

    _refuse_unpacking_too_far(data)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except UNREADABLE_SHEET as exc:
        if _declares_entities(exc):
            raise _entities_refused() from exc
        raise SpreadsheetError(
            _("The file is not a readable Excel workbook (.xlsx): %(problem)s") % {"problem": exc}
        ) from exc
    if not workbook.worksheets:  # only chart sheets
        raise SpreadsheetError(_("The workbook has no worksheet with rows."))
    sheet = workbook.worksheets[0]
    if (sheet.max_row or 0) > settings.SPREADSHEET_MAX_ROWS + 1:  # the sheet's own dimension
        raise too_many_rows()
    rows = enumerate(sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS), start=1)
    number = 0
    while True:
        # openpyxl reads a sheet lazily: damage inside it only shows while iterating.
        try:
            number, values = next(rows)
        except StopIteration:
            return
        except UNREADABLE_SHEET as exc:
            if _declares_entities(exc):
                raise _entities_refused() from exc
            raise SpreadsheetError(
                _("Row %(row)s of the workbook cannot be read (%(problem)s): the file is damaged.")
                % {"row": number + 1, "problem": exc}
            ) from exc
        if number > settings.SPREADSHEET_MAX_ROWS + 1:
            # A sheet without its dimension may jump to row 1,000,000,000: openpyxl yields
            # every empty row before it, so the row number (not the rows with values) counts.
            raise too_many_rows()
        yield number, [_clean(value) for value in values]


def _refuse_unpacking_too_far(data: bytes) -> None:
    unpacked = declared_unpacked_size(data)  # None: openpyxl says what is wrong with the zip
    if unpacked is not None and unpacked > MAX_UNPACKED_BYTES:
        raise SpreadsheetError(
            _("The workbook unpacks to more than %(size)s MB.")
            % {"size": MAX_UNPACKED_BYTES // 1_000_000}
        )


def _declares_entities(exc: BaseException | None) -> bool:
    """defusedxml refused a DTD or entity somewhere in the chain (openpyxl wraps errors)."""
    while exc is not None:
        if isinstance(exc, DefusedXmlException):
            return True
        exc = exc.__cause__ or exc.__context__
    return False


def _entities_refused() -> SpreadsheetError:
    return SpreadsheetError(
        _("The workbook declares XML entities, which a spreadsheet never needs: refused.")
    )


def _csv_rows(data: bytes) -> Iterator[tuple[int, list]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")  # Excel's "CSV" in a Dutch Windows
    if "\x00" in text:
        raise SpreadsheetError(_("The file is not a text (CSV) file."))
    first_line = text.split("\n", 1)[0]
    delimiter = max(";,\t", key=first_line.count) if first_line else ";"
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        # Count first (cheap): a file too long is refused before any row is checked.
        counter = csv.reader(io.StringIO(text), delimiter=delimiter)
        limit = settings.SPREADSHEET_MAX_ROWS + 1  # and the header
        if sum(1 for _row in itertools.islice(counter, limit + 1)) > limit:
            raise too_many_rows()
        for values in reader:
            yield reader.line_num, [_clean(value) for value in values[:MAX_COLUMNS]]
    except csv.Error as exc:
        raise SpreadsheetError(str(exc), line=reader.line_num) from exc


def read_table(data: bytes, *, filename: str = "") -> Table:
    """Open .xlsx (recognised by its content) or .csv; raises ``SpreadsheetError``."""
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
    header_row, headers = _first_header(rows)
    return Table(headers=headers, header_row=header_row, rows=rows)
