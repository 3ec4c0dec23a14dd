"""Spreadsheets in and out of the registry: ``tables`` reads a file, ``cells`` reads one
value, ``specs`` is what an app writes to describe its records, ``importing`` checks and writes
them with the kernel's import framework (``core.imports``). An app's spec imports this package
as ``sheet`` and uses the names below."""

from ..imports import ImportProblem, ImportRefused, ImportReport
from .cells import CellError, boolean, by_name, choice, country, date, many, number, text
from .importing import (
    MAX_REPORTED_ERRORS,
    ImportPlan,
    import_file,
    import_table,
    plan_import,
    write_import,
)
from .specs import ImportSpec, RowReader, RowResult, fields_of
from .tables import MAX_BYTES, SpreadsheetError, Table, read_table

__all__ = [
    "MAX_BYTES",
    "MAX_REPORTED_ERRORS",
    "CellError",
    "ImportPlan",
    "ImportProblem",
    "ImportRefused",
    "ImportReport",
    "ImportSpec",
    "RowReader",
    "RowResult",
    "SpreadsheetError",
    "Table",
    "boolean",
    "by_name",
    "choice",
    "country",
    "date",
    "fields_of",
    "import_file",
    "import_table",
    "many",
    "number",
    "plan_import",
    "read_table",
    "text",
    "write_import",
]
