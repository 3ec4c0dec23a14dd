"""Writes of the money. Finance lines come only from a ledger export (ADR 0012): an import
replaces, per set (year, kind and for a raming the begroting that made it; the wijzigingen of
a year together) that the file holds, every stored line of that set, in one transaction, and
records who brought which file. A file with any wrong row writes nothing."""

import hashlib
from collections.abc import Mapping

from django.db import connection
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Count, Q
from django.utils.translation import gettext as _

from kennisstad.accounts.models import User
from kennisstad.core.imports import ImportRefused, import_transaction
from kennisstad.core.typing import UserLike
from kennisstad.relations.traces import reindex_rows

from .ledger_columns import map_columns
from .ledger_import import (
    LINE_COLUMNS,
    LedgerPlan,
    LineDraft,
    listed_problems,
    new_report,
    plan_lines,
)
from .ledger_reader import read_ledger
from .ledger_report import LedgerReport, ScopeSummary
from .models import FinanceLine, LedgerImport, LineKind

BATCH_SIZE = 5_000
# The key of the PostgreSQL advisory lock that lets one ledger import write at a time; any
# constant no other code uses ("KSLEDGER" read as digits would do; this is 0x4B534C47).
IMPORT_LOCK = 1_263_750_215


def _serialise_imports(db: BaseDatabaseWrapper = connection) -> None:
    """Wait until no other ledger import is writing. Two imports of the same set at once on
    PostgreSQL (READ COMMITTED) would each delete the stored lines, then both insert theirs:
    the set doubled. The lock is held until the transaction ends. SQLite needs none: its
    transactions begin IMMEDIATE (conf/base.py), so a second writer waits for the first."""
    if db.vendor == "postgresql":
        with db.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [IMPORT_LOCK])


def _scope_filter(scope: ScopeSummary) -> Q:
    condition = Q(year=scope.year, kind=scope.kind)
    if scope.kind == LineKind.ESTIMATE:
        condition &= Q(estimated_in=scope.estimated_in)
    return condition


def _count_replaced(report: LedgerReport) -> None:
    """How many stored lines each set of the file replaces, and which of its policy fields
    (and wijzigingen) would be left without a line: one query, grouped."""
    if not report.scopes:
        return
    condition = Q(pk__in=[])
    for scope in report.scopes:
        condition |= _scope_filter(scope)
    stored = (
        FinanceLine.objects.filter(condition)
        .values("year", "kind", "estimated_in", "policy_area_id", "policy_area__code", "amendment")
        .annotate(count=Count("id"))
        .order_by()
    )
    scopes = {(scope.year, scope.kind, scope.estimated_in): scope for scope in report.scopes}
    lost_fields: dict[tuple[int, str, int | None], set[str]] = {key: set() for key in scopes}
    lost_amendments: dict[tuple[int, str, int | None], set[str]] = {key: set() for key in scopes}
    for row in stored:
        estimated = row["estimated_in"] if row["kind"] == LineKind.ESTIMATE else None
        key = (row["year"], row["kind"], estimated)
        scope = scopes[key]
        scope.replaced += row["count"]
        if row["policy_area_id"] not in scope.policy_area_ids:
            lost_fields[key].add(row["policy_area__code"])
        if row["kind"] == LineKind.AMENDMENT and row["amendment"] not in scope.amendments:
            lost_amendments[key].add(row["amendment"])
    for key, scope in scopes.items():
        scope.lost_policy_fields = sorted(lost_fields[key])
        scope.lost_amendments = sorted(lost_amendments[key])
        report.warnings += scope.losses()


def _acting_user(user: UserLike) -> User | None:
    return user if isinstance(user, User) else None


def _write(report: LedgerReport, plan: LedgerPlan, *, user: UserLike) -> LedgerImport:
    batch = LedgerImport.objects.create(
        file_name=report.file_name[:255],
        checksum=report.checksum,
        imported_by=_acting_user(user),
        line_count=report.line_count,
        replaced_count=report.replaced_count,
        total_expenses=report.total_expenses,
        total_income=report.total_income,
        scopes=[scope.key for scope in report.scopes],
    )
    condition = Q(pk__in=[])
    for scope in report.scopes:
        condition |= _scope_filter(scope)
    FinanceLine.objects.filter(condition).delete()
    _insert(plan.lines, batch_id=batch.pk)
    return batch


def _column(model_field: object) -> str:
    return str(getattr(model_field, "column"))  # noqa: B009 - a concrete field of this model


def _insert(lines: list[LineDraft], *, batch_id: int) -> None:
    """Checked lines in one prepared INSERT run per batch: ``bulk_create`` compiles SQL for
    every 80 rows SQLite takes at a time, which made 100,000 lines take half a minute."""
    meta = FinanceLine._meta
    names = [*LINE_COLUMNS, "batch_id"]
    columns = ", ".join(connection.ops.quote_name(_column(meta.get_field(n))) for n in names)
    marks = ", ".join(["%s"] * len(names))
    sql = f"INSERT INTO {connection.ops.quote_name(meta.db_table)} ({columns}) VALUES ({marks})"
    with connection.cursor() as cursor:
        for start in range(0, len(lines), BATCH_SIZE):
            chunk = lines[start : start + BATCH_SIZE]
            cursor.executemany(sql, [(*line, batch_id) for line in chunk])
    # Raw SQL sends nothing the personal-data index sees: a description may name a person.
    lines_written = FinanceLine.objects.filter(batch_id=batch_id).values_list("pk", flat=True)
    reindex_rows(FinanceLine, list(lines_written))


def import_ledger(
    *,
    data: bytes,
    file_name: str,
    user: UserLike = None,
    dry_run: bool = False,
    mapping: Mapping[str, tuple[str, ...]] | None = None,
    estimated_in: int | None = None,
) -> LedgerReport:
    """Read, check and import one ledger export; raises ``ImportRefused`` naming every wrong
    row (the first ``MAX_LISTED``, and how many more) and has then written nothing. A dry run
    reports what would be replaced and added, and writes nothing."""
    table = read_ledger(data, filename=file_name)
    columns = map_columns(table.headers, mapping)
    plan = plan_lines(table.rows, columns, estimated_in=estimated_in)
    if plan.problems:
        raise ImportRefused(listed_problems(plan.problems))
    if not plan.lines:
        raise ImportRefused(_("The file holds no lines below its header."))
    checksum = hashlib.sha256(data).hexdigest()
    report = new_report(file_name=file_name, checksum=checksum, dry_run=dry_run, plan=plan)
    for header in columns.ignored:
        report.skip(_("unknown column, ignored"), field=header)
    with import_transaction(report, user=user, checksum=checksum[:12]):
        if not dry_run:
            _serialise_imports()  # before counting, so the counts are of what is replaced
        _count_replaced(report)
        if not dry_run:
            report.import_id = _write(report, plan, user=user).pk
    return report
