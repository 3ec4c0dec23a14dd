"""Importing registry records from a spreadsheet (.xlsx or .csv), all or nothing.

The first non-empty row is the header; columns are recognised by their Dutch or English header
(``exports.Column``), unknown columns are ignored with a warning, a missing required column is an
error. Every row is checked with the model's ``full_clean`` and every problem is reported with
its row number and column; if any row is wrong nothing is written. A dry run does the whole
import in a transaction and rolls it back, so it reports exactly what an import would do.

Reading and checking (``plan_import``) only reads the database; writing (``write_import``)
then takes the write lock for one short transaction, new records in bulk where the kind
allows it. SQLite has one writer at a time: whatever runs inside that transaction makes every
other writer wait. A file is refused early when it has more rows than
``SPREADSHEET_MAX_ROWS``, and reading stops after ``MAX_REPORTED_ERRORS`` wrong rows.
"""

import csv
import datetime
import decimal
import functools
import io
import itertools
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from xml.etree import ElementTree

from defusedxml import DefusedXmlException
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from .concurrency import refused_when_changed_meanwhile
from .exports import Column
from .text_fold import fold, header_key

MAX_BYTES = 20_000_000
# What a damaged workbook raises while it is read: a broken zip member, cut-off or malformed
# XML (ParseError is a SyntaxError), a number cell holding text, a missing part.
UNREADABLE_SHEET = (
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
FORMULA_QUOTE_STARTS = ("'=", "'+", "'-", "'@")
MAX_REPORTED_ERRORS = 100  # a file that wrong is a wrong file: stop reading, report these


class SpreadsheetError(ValueError):
    """The file as a whole cannot be read (not a spreadsheet, empty, no header)."""


class ImportRefused(ValueError):
    """Rows (or columns) are wrong; ``errors`` lists each, and nothing was written."""

    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


class CellError(ValueError):
    """A cell's value cannot be used; the message says why, for the person who typed it."""


@dataclass
class Table:
    headers: list[str]
    header_row: int
    rows: Iterator[tuple[int, list]]  # (row number as the spreadsheet shows it, values)


# --- reading files ---------------------------------------------------------------------------


def _clean(value):
    if isinstance(value, str):
        value = value.strip()
        if value.startswith(FORMULA_QUOTE_STARTS):
            value = value[1:]  # the apostrophe our CSV export puts before formula-like text
    return value


def _first_header(rows: Iterator[tuple[int, list]]) -> tuple[int, list[str]]:
    for number, values in rows:
        if any(value not in (None, "") for value in values):
            return number, [str(value or "").strip() for value in values]
    raise SpreadsheetError(_("The file has no header row: it contains no data at all."))


def _too_many_rows() -> SpreadsheetError:
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

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except UNREADABLE_SHEET as exc:
        if _declares_entities(exc):
            raise _entities_refused() from exc
        raise SpreadsheetError(
            _("The file is not a readable Excel workbook (.xlsx): %(problem)s") % {"problem": exc}
        ) from exc
    sheet = workbook.worksheets[0]
    if (sheet.max_row or 0) > settings.SPREADSHEET_MAX_ROWS + 1:  # the sheet's own dimension
        raise _too_many_rows()
    rows = enumerate(sheet.iter_rows(values_only=True), start=1)
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
        yield number, [_clean(value) for value in values]


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
            raise _too_many_rows()
        for values in reader:
            yield reader.line_num, [_clean(value) for value in values]
    except csv.Error as exc:
        raise SpreadsheetError(
            _("Line %(line)s: %(problem)s") % {"line": reader.line_num, "problem": exc}
        ) from exc


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


# --- reading cells ---------------------------------------------------------------------------


def text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat()
    return str(value).strip()


def many(value) -> list[str]:
    """A list in one cell, separated by semicolons (or line breaks)."""
    return [part.strip() for part in text(value).replace("\n", ";").split(";") if part.strip()]


def date(value) -> datetime.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    raw = text(value)
    for pattern in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y"):
        try:
            return datetime.datetime.strptime(raw, pattern).date()
        except ValueError:
            continue
    raise CellError(_("“%(value)s” is not a date (use 2030-12-31 or 31-12-2030)") % {"value": raw})


def number(value) -> decimal.Decimal | None:
    if value in (None, ""):
        return None
    if isinstance(value, bool):  # a yes/no cell; bool is an int to Python
        raise CellError(_("“%(value)s” is not a number") % {"value": text(value)})
    if isinstance(value, int | float | decimal.Decimal):
        raw = str(value)
    else:
        raw = text(value).replace("€", "").replace(" ", "")
        if "," in raw:  # Dutch notation: 1.250,50
            raw = raw.replace(".", "").replace(",", ".")
    try:
        parsed = decimal.Decimal(raw)
    except decimal.InvalidOperation as exc:
        raise CellError(_("“%(value)s” is not a number") % {"value": text(value)}) from exc
    if not parsed.is_finite():  # NaN and infinity are no amounts
        raise CellError(_("“%(value)s” is not a number") % {"value": text(value)})
    return parsed


def boolean(value) -> bool:
    if isinstance(value, bool):
        return value
    raw = fold(text(value))
    if raw in ("", "nee", "no", "n", "false", "onwaar", "0"):
        return False
    if raw in ("ja", "yes", "j", "y", "true", "waar", "1", "x"):
        return True
    raise CellError(_("“%(value)s” is not yes or no (ja/nee)") % {"value": text(value)})


def choice(value, choices) -> str:
    """A choice by its stored value or its label in Dutch or English."""
    from django.utils import translation

    raw = fold(text(value))
    if not raw:
        return ""
    for stored, label in choices:
        if raw == fold(str(stored)):
            return stored
        for language in ("nl", "en"):
            with translation.override(language):
                if raw == fold(str(label)):
                    return stored
    allowed = ", ".join(str(label) for _stored, label in choices)
    raise CellError(
        _("“%(value)s” is not one of: %(allowed)s") % {"value": text(value), "allowed": allowed}
    )


def country(value) -> str:
    """An ISO code (NL, NLD) or a Dutch or English country name."""
    return _country(text(value))


@functools.lru_cache(maxsize=1024)
def _country(raw: str) -> str:
    """Looking a name up goes through every country's name in two languages: an import of
    thousands of rows names the same few countries, so each is looked up once."""
    from django_countries import countries

    if not raw:
        return ""
    code = countries.alpha2(raw.upper()) if len(raw) <= 3 else ""
    for language in ("nl", "en"):
        code = code or countries.by_name(raw, language=language)
    if not code:
        raise CellError(_("unknown country “%(value)s”") % {"value": raw})
    return code


def by_name(model: type[models.Model], field_name: str, value: str, noun: str):
    found = list(model._default_manager.filter(**{f"{field_name}__iexact": value})[:2])
    if not found:
        raise CellError(_("unknown %(noun)s “%(value)s”") % {"noun": noun, "value": value})
    if len(found) > 1:
        raise CellError(
            _("more than one %(noun)s is called “%(value)s”") % {"noun": noun, "value": value}
        )
    return found[0]


# --- importing -------------------------------------------------------------------------------


@dataclass
class RowResult:
    """What one row becomes: a new or changed (unsaved) record and its many-to-many values;
    ``before`` holds a stored record's fields as they were, to tell "unchanged" apart."""

    instance: models.Model
    many_to_many: dict = field(default_factory=dict)
    before: dict | None = None
    row: int = 0  # the row number as the spreadsheet shows it


def fields_of(instance: models.Model) -> dict:
    return {f.attname: getattr(instance, f.attname) for f in instance._meta.concrete_fields}


@dataclass
class ImportSpec:
    """How one kind of record is read from a row. ``build`` gets the parsed cells by column key
    and returns the (new or existing, changed) record; it raises ``CellError`` via ``cell``."""

    kind: str
    label: object
    columns: list[Column]
    build: Callable[[dict, "RowReader"], RowResult]
    save: Callable[..., models.Model]  # (instance=, many_to_many=, user=, expected_version=)
    natural_key: Callable[[dict], tuple]
    field_columns: dict[str, str] = field(default_factory=dict)  # model field -> column key
    # Inserts all new records of a file at once, with their audit trail (results=, user=);
    # without it every new record is saved on its own.
    bulk_create: Callable[..., None] | None = None


@dataclass
class ImportReport:
    kind: str
    dry_run: bool = False
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [_("Dry run: nothing was written.")] if self.dry_run else []
        out += self.warnings
        out.append(
            _("%(created)s created, %(updated)s updated, %(unchanged)s unchanged.")
            % {
                "created": len(self.created),
                "updated": len(self.updated),
                "unchanged": len(self.unchanged),
            }
        )
        out += [f"+ {item}" for item in self.created]
        out += [f"~ {item}" for item in self.updated]
        return out


class RowReader:
    """Cells of one row by column key; ``cell`` converts one and records its error under the
    column's header as the file names it."""

    def __init__(self, values: dict, headers: dict):
        self.values = values
        self.headers = headers
        self.errors: list[tuple[str | None, str]] = []

    def present(self, key) -> bool:
        return key in self.values

    def cell(self, key, convert=text, *args, default=None):
        if key not in self.values:
            return default
        try:
            return convert(self.values[key], *args)
        except CellError as exc:
            self.errors.append((self.headers.get(key, key), str(exc)))
            return default


def _map_columns(spec: ImportSpec, headers: list[str], report: ImportReport) -> dict[int, str]:
    accepted = {name: column.key for column in spec.columns for name in column.accepted_names()}
    mapping: dict[int, str] = {}
    for index, header in enumerate(headers):
        if not header:
            continue
        key = accepted.get(header_key(header))
        if key is None:
            report.warnings.append(
                _("Column “%(name)s” is not known and was ignored.") % {"name": header}
            )
        elif key in mapping.values():
            raise ImportRefused([_("Column “%(name)s” appears twice.") % {"name": header}])
        else:
            mapping[index] = key
    missing = [c.header() for c in spec.columns if c.required and c.key not in mapping.values()]
    if missing:
        raise ImportRefused(
            [_("Required column missing: %(names)s.") % {"names": ", ".join(missing)}]
        )
    return mapping


def _row_message(row: int, column: str | None, message: str) -> str:
    if column:
        return _("row %(row)s: %(column)s: %(message)s") % {
            "row": row,
            "column": column,
            "message": message,
        }
    return _("row %(row)s: %(message)s") % {"row": row, "message": message}


def _has_changes(result: RowResult) -> bool:
    instance = result.instance
    if instance.pk is None or result.before is None:
        return True
    if result.before != fields_of(instance):
        return True
    return any(
        {getattr(item, "pk", item) for item in items}
        != set(getattr(instance, name).values_list("pk", flat=True))
        for name, items in result.many_to_many.items()
    )


class _DryRun(Exception):
    pass


@dataclass
class ImportPlan:
    """What an import will write, found without writing anything."""

    report: ImportReport
    created: list[RowResult] = field(default_factory=list)
    updated: list[RowResult] = field(default_factory=list)


def plan_import(*, spec: ImportSpec, table: Table, dry_run: bool = False) -> ImportPlan:
    """Read and check every row; raises ``ImportRefused`` listing the wrong rows. Only reads
    the database, so it holds no write lock however long the file is."""
    report = ImportReport(kind=spec.kind, dry_run=dry_run)
    mapping = _map_columns(spec, table.headers, report)
    headers = {key: table.headers[index] for index, key in mapping.items()}
    field_headers = {name: headers.get(key, name) for name, key in spec.field_columns.items()}
    errors: list[str] = []
    plan = ImportPlan(report=report)
    seen: dict[tuple, int] = {}
    rows = 0

    for row_number, values in table.rows:
        cells = {key: values[index] for index, key in mapping.items() if index < len(values)}
        if all(value in (None, "") for value in cells.values()):
            continue
        rows += 1
        if rows > settings.SPREADSHEET_MAX_ROWS:
            raise _too_many_rows()
        if len(errors) >= MAX_REPORTED_ERRORS:
            errors.append(
                _("Reading stopped at row %(row)s after %(count)s errors.")
                % {"row": row_number, "count": len(errors)}
            )
            break
        reader = RowReader(cells, headers)
        key = spec.natural_key(cells)
        if key in seen:
            errors.append(
                _row_message(
                    row_number, None, _("the same record as row %(other)s") % {"other": seen[key]}
                )
            )
            continue
        seen[key] = row_number
        result = spec.build(cells, reader)
        result.row = row_number
        if not reader.errors:
            try:
                result.instance.full_clean()
            except ValidationError as exc:
                for name, messages in exc.message_dict.items():
                    column = None if name == "__all__" else field_headers.get(name, name)
                    reader.errors.extend((column, message) for message in messages)
        errors.extend(
            _row_message(row_number, column, message) for column, message in reader.errors
        )
        if reader.errors:
            continue
        instance = result.instance
        if not _has_changes(result):
            report.unchanged.append(str(instance))
        elif instance.pk:
            plan.updated.append(result)
            report.updated.append(str(instance))
        else:
            plan.created.append(result)
            report.created.append(str(instance))
    if errors:
        raise ImportRefused(errors)
    return plan


def write_import(*, spec: ImportSpec, plan: ImportPlan, user) -> None:
    """Write a checked plan in one transaction (rolled back on a dry run): the only part of an
    import that holds the write lock, so nothing in it reads a file or checks a row twice."""
    try:
        with transaction.atomic():
            if spec.bulk_create is not None and plan.created:
                spec.bulk_create(results=plan.created, user=user)
            else:
                for result in plan.created:
                    spec.save(
                        instance=result.instance,
                        many_to_many=result.many_to_many,
                        user=user,
                        expected_version=None,
                    )
            for result in plan.updated:
                with refused_when_changed_meanwhile(
                    lambda message, row=result.row: ImportRefused(
                        [_row_message(row, None, message)]
                    )
                ):
                    spec.save(
                        instance=result.instance,
                        many_to_many=result.many_to_many,
                        user=user,
                        expected_version=result.instance.version,
                    )
            if plan.report.dry_run:
                raise _DryRun
    except _DryRun:
        pass


def import_table(*, spec: ImportSpec, table: Table, user, dry_run: bool = False) -> ImportReport:
    """Validate every row, then write them all in one transaction (rolled back on a dry run)."""
    plan = plan_import(spec=spec, table=table, dry_run=dry_run)
    write_import(spec=spec, plan=plan, user=user)
    return plan.report


def import_file(
    *, data: bytes, filename: str, spec: ImportSpec, user, dry_run: bool = False
) -> ImportReport:
    """Read and import one file; raises ``SpreadsheetError`` or ``ImportRefused``."""
    table = read_table(data, filename=filename)
    return import_table(spec=spec, table=table, user=user, dry_run=dry_run)
