"""Importing registry records from a spreadsheet (.xlsx or .csv), all or nothing.

The first non-empty row is the header; columns are recognised by their Dutch or English header
(``exports.Column``), unknown columns are skipped (and reported), a missing required column
refuses the file. Every row is checked with the model's ``full_clean`` and every problem is
reported with its row number and column; if any row is wrong nothing is written.

Reading and checking (``plan_import``) only reads the database; writing (``write_import``)
then takes the write lock for one short ``import_transaction`` (rolled back on a dry run), new
records in bulk where the kind allows it. SQLite has one writer at a time: whatever runs inside
that transaction makes every other writer wait. A file is refused early when it has more rows
than ``SPREADSHEET_MAX_ROWS``, and reading stops after ``MAX_REPORTED_ERRORS`` wrong rows.
"""

from collections.abc import Iterator
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from ..concurrency import refused_when_changed_meanwhile
from ..imports import ImportProblem, ImportRefused, ImportReport, import_transaction
from ..text_fold import header_key
from .specs import ImportSpec, RowReader, RowResult, fields_of
from .tables import Table, read_table, too_many_rows

MAX_REPORTED_ERRORS = 100  # a file that wrong is a wrong file: stop reading, report these


@dataclass
class ImportPlan:
    """What an import will write, found without writing anything."""

    report: ImportReport
    created: list[RowResult] = field(default_factory=list)
    changed: list[RowResult] = field(default_factory=list)


@dataclass
class _Columns:
    """Which column of the file holds which key, and the file's own name for each key and for
    each model field (to name a column in a row's error)."""

    by_index: dict[int, str]
    headers: dict[str, str]
    fields: dict[str, str]


def _map_columns(spec: ImportSpec, headers: list[str], report: ImportReport) -> _Columns:
    accepted = {name: column.key for column in spec.columns for name in column.accepted_names()}
    mapping: dict[int, str] = {}
    for index, header in enumerate(headers):
        if not header:
            continue
        key = accepted.get(header_key(header))
        if key is None:
            report.skip(_("unknown column, ignored"), field=header)
        elif key in mapping.values():
            raise ImportRefused(_("Column “%(name)s” appears twice.") % {"name": header})
        else:
            mapping[index] = key
    missing = [c.header() for c in spec.columns if c.required and c.key not in mapping.values()]
    if missing:
        raise ImportRefused(
            _("Required column missing: %(names)s.") % {"names": ", ".join(missing)}
        )
    named = {key: headers[index] for index, key in mapping.items()}
    return _Columns(
        by_index=mapping,
        headers=named,
        fields={name: named.get(key, name) for name, key in spec.field_columns.items()},
    )


def _rows(table: Table, columns: _Columns) -> Iterator[tuple[int, dict]]:
    """(row number, cells by column key) of every row that has something in a known column."""
    count = 0
    for row_number, values in table.rows:
        cells = {key: values[i] for i, key in columns.by_index.items() if i < len(values)}
        if all(value in (None, "") for value in cells.values()):
            continue
        count += 1
        if count > settings.SPREADSHEET_MAX_ROWS:
            raise too_many_rows()
        yield row_number, cells


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


def _checked_row(
    spec: ImportSpec, cells: dict, columns: _Columns, row: int, report: ImportReport
) -> RowResult | None:
    """The row's record, checked by the model; ``None`` (and its errors in the report) when
    anything in it is wrong."""
    reader = RowReader(cells, columns.headers)
    result = spec.build(cells, reader)
    result.row = row
    if not reader.errors:
        try:
            result.instance.full_clean()
        except ValidationError as exc:
            for name, messages in exc.message_dict.items():
                column = None if name == "__all__" else columns.fields.get(name, name)
                reader.errors.extend((column, message) for message in messages)
    for column, message in reader.errors:
        report.error(message, row=row, field=column)
    return None if reader.errors else result


def plan_import(*, spec: ImportSpec, table: Table, dry_run: bool = False) -> ImportPlan:
    """Read and check every row; raises ``ImportRefused`` listing the wrong rows. Only reads
    the database, so it holds no write lock however long the file is."""
    report = ImportReport(kind="spreadsheet", dry_run=dry_run)
    plan = ImportPlan(report=report)
    columns = _map_columns(spec, table.headers, report)
    seen: dict[tuple, int] = {}
    for row, cells in _rows(table, columns):
        if len(report.errors) >= MAX_REPORTED_ERRORS:
            report.error(
                _("reading stopped after %(count)s errors") % {"count": len(report.errors)},
                row=row,
            )
            break
        key = spec.natural_key(cells)
        if key in seen:
            report.error(_("the same record as row %(other)s") % {"other": seen[key]}, row=row)
            continue
        seen[key] = row
        result = _checked_row(spec, cells, columns, row, report)
        if result is None:
            continue
        label = str(result.instance)
        if not _has_changes(result):
            report.unchanged.append(label)
        elif result.instance.pk:
            plan.changed.append(result)
            report.changed.append(label)
        else:
            plan.created.append(result)
            report.created.append(label)
    report.refuse_if_errors()
    return plan


def write_import(*, spec: ImportSpec, plan: ImportPlan, user) -> None:
    """Write a checked plan; runs inside ``import_transaction``, the only part of an import
    that holds the write lock, so nothing in it reads a file or checks a row twice. A record
    saved by someone else since the check refuses the file on that record's row."""
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
    for result in plan.changed:
        with refused_when_changed_meanwhile(
            lambda message, row=result.row: ImportRefused(ImportProblem(message, row=row))
        ):
            spec.save(
                instance=result.instance,
                many_to_many=result.many_to_many,
                user=user,
                expected_version=result.instance.version,
            )


def import_table(*, spec: ImportSpec, table: Table, user, dry_run: bool = False) -> ImportReport:
    """Check every row, then write them all in one transaction (rolled back on a dry run)."""
    plan = plan_import(spec=spec, table=table, dry_run=dry_run)
    with import_transaction(plan.report, user=user, kind=spec.kind):
        write_import(spec=spec, plan=plan, user=user)
    return plan.report


def import_file(
    *, data: bytes, filename: str, spec: ImportSpec, user, dry_run: bool = False
) -> ImportReport:
    """Read and import one file; raises ``ImportRefused`` (``SpreadsheetError`` when the file
    as a whole cannot be read) and then has written nothing."""
    table = read_table(data, filename=filename)
    return import_table(spec=spec, table=table, user=user, dry_run=dry_run)
