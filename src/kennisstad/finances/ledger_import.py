"""Checking a ledger export before anything is written: every row becomes a line to write
or one or more problems naming its row; a file with any problem is refused whole.

Taakvelden and policy fields are looked up in dictionaries made once, so checking 100,000
rows asks the database nothing per row. Without a lasten/baten column the sign decides: a
positive amount is lasten, a negative one baten (stored positive), and the report warns how
many lines that made baten (they may be corrections of lasten). An empty lasten/baten cell
falls back on the sign as well.
"""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, NamedTuple

from django.utils.translation import gettext as _

from kennisstad.core.imports import ImportProblem
from kennisstad.core.text_fold import fold
from kennisstad.policy import selectors as policy_selectors

from . import ledger_values as values
from .ledger_columns import ColumnMap
from .ledger_report import LedgerReport, ScopeSummary
from .models import Direction, LineKind, Taakveld

MAX_LISTED = 200  # problems listed in full; the rest are counted
TAAKVELD_CODE = re.compile(r"^(\d{1,2}\.\d{1,2})(?![\d.])")
TEXT_LIMITS = {"ledger_account": 40, "cost_centre": 40, "amendment": 60, "description": 200}


@dataclass
class Lookups:
    """Taakvelden by code and by folded title (current, English, former); policy areas by code."""

    taakveld_codes: dict[str, Taakveld]
    taakveld_titles: dict[str, Taakveld]
    policy_areas: dict[str, int]
    seen: dict[str, Taakveld] = field(default_factory=dict)

    @classmethod
    def load(cls) -> "Lookups":
        codes: dict[str, Taakveld] = {}
        titles: dict[str, Taakveld] = {}
        for taakveld in Taakveld.objects.all():
            codes[taakveld.code] = taakveld
            for title in (taakveld.title_nl, taakveld.title_en, *taakveld.former_titles):
                if title:
                    titles.setdefault(fold(title).strip(), taakveld)
        areas = dict(policy_selectors.policy_areas().values_list("code", "pk"))
        return cls(taakveld_codes=codes, taakveld_titles=titles, policy_areas=areas)

    def taakveld(self, value: object) -> Taakveld:
        text = values.code_of(value)
        found = self.seen.get(text)  # a ledger names the same few taakvelden on every row
        if found is None:
            found = self.seen[text] = self._taakveld(text)
        return found

    def _taakveld(self, text: str) -> Taakveld:
        match = TAAKVELD_CODE.match(text)
        found = self.taakveld_codes.get(match.group(1)) if match else None
        if found is None and text:
            found = self.taakveld_titles.get(fold(text).strip())
        if found is None:
            raise ValueError(_("unknown taakveld “%(value)s”") % {"value": text})
        return found

    def policy_area(self, value: object) -> int:
        code = values.code_of(value)
        found = self.policy_areas.get(code)
        if found is None:
            raise ValueError(_("unknown policy field “%(value)s”") % {"value": code})
        return found


class LineDraft(NamedTuple):
    """A checked line, in the order of ``LINE_COLUMNS``: written as it is, in bulk."""

    year: int
    kind: str
    estimated_in: int | None
    amendment: str
    policy_area_id: int
    taakveld_id: int
    direction: str
    amount: Decimal
    ledger_account: str
    cost_centre: str
    description: str
    row_number: int


LINE_COLUMNS = LineDraft._fields


@dataclass
class LedgerPlan:
    """The checked lines and the sets they replace; ``problems`` refuse the file."""

    lines: list[LineDraft] = field(default_factory=list)
    scopes: dict[tuple[int, str, int | None], ScopeSummary] = field(default_factory=dict)
    problems: list[ImportProblem] = field(default_factory=list)
    negative_as_income: int = 0  # negative amounts made baten because the file has no column


@dataclass
class _Row:
    number: int
    cells: list[Any]
    columns: ColumnMap
    problems: list[ImportProblem] = field(default_factory=list)

    def raw(self, name: str) -> object:
        index = self.columns.index.get(name)
        if index is None or index >= len(self.cells):
            return None
        return self.cells[index]

    def read(self, name: str, parse: Callable[[Any], Any], default: Any = None) -> Any:
        """The cell parsed; on a wrong value the problem is noted under the file's header."""
        try:
            return parse(self.raw(name))
        except ValueError as exc:
            self.problems.append(
                ImportProblem(str(exc), row=self.number, field=self.columns.headers.get(name))
            )
            return default

    def text(self, name: str) -> str:
        text = values.text_of(self.raw(name))
        limit = TEXT_LIMITS[name]
        if len(text) > limit:
            self.problems.append(
                ImportProblem(
                    _("longer than %(limit)s characters") % {"limit": limit},
                    row=self.number,
                    field=self.columns.headers.get(name),
                )
            )
        return text[:limit]


def _estimated_in(row: _Row, kind: str | None, default: int | None) -> int | None:
    if kind != LineKind.ESTIMATE:
        return None  # only a raming belongs to the begroting that made it
    raw = row.raw("estimated_in")
    if raw in (None, ""):
        if default is None:
            row.problems.append(
                ImportProblem(
                    _("a raming needs the year of the begroting that estimated it (estimated in)"),
                    row=row.number,
                )
            )
        return default
    year: int | None = row.read("estimated_in", values.parse_year)
    return year


def _direction(row: _Row, amount: Decimal | None) -> tuple[str | None, Decimal | None]:
    """Lasten or baten, and the amount to store: the sign decides when the file does not."""
    raw = row.raw("direction")
    if raw not in (None, ""):
        return row.read("direction", values.parse_direction), amount
    if amount is None:
        return None, None
    if amount < 0:
        return Direction.INCOME, -amount
    return Direction.EXPENSES, amount


def _line(row: _Row, lookups: Lookups, estimated_in: int | None) -> LineDraft | None:
    year = row.read("year", values.parse_year)
    kind = row.read("kind", values.parse_kind)
    amount = row.read("amount", values.parse_amount)
    direction, amount = _direction(row, amount)
    taakveld = row.read("taakveld", lookups.taakveld)
    policy_area = row.read("policy_field", lookups.policy_area)
    estimate_year = _estimated_in(row, kind, estimated_in)
    texts = {name: row.text(name) for name in TEXT_LIMITS}
    if row.problems or direction is None or amount is None:
        return None
    return LineDraft(
        year=year,
        kind=kind,
        estimated_in=estimate_year,
        amendment=texts["amendment"] if kind == LineKind.AMENDMENT else "",
        policy_area_id=policy_area,
        taakveld_id=taakveld.pk,
        direction=direction,
        amount=amount,
        ledger_account=texts["ledger_account"],
        cost_centre=texts["cost_centre"],
        description=texts["description"],
        row_number=row.number,
    )


def _identity(line: LineDraft) -> tuple[Any, ...]:
    """What makes two lines the same line (a duplicate): all but the amount and row. The
    description is part of it: two bookings on one account with different descriptions are
    two real lines."""
    return line[:7] + line[8:11]


def _add_to_scope(plan: LedgerPlan, line: LineDraft) -> None:
    key = (line.year, line.kind, line.estimated_in)
    scope = plan.scopes.get(key)
    if scope is None:
        scope = plan.scopes[key] = ScopeSummary(line.year, line.kind, line.estimated_in)
    scope.lines += 1
    scope.policy_area_ids.add(line.policy_area_id)
    scope.amendments.add(line.amendment)
    if line.direction == Direction.EXPENSES:
        scope.expenses += line.amount
    else:
        scope.income += line.amount


def plan_lines(
    rows: Iterable[tuple[int, list[Any]]],
    columns: ColumnMap,
    *,
    estimated_in: int | None = None,
    lookups: Lookups | None = None,
) -> LedgerPlan:
    """Check every row (``rows``: row number and cell values); reads the database only for
    the lookups, once."""
    lookups = lookups or Lookups.load()
    plan = LedgerPlan()
    seen: dict[tuple[Any, ...], int] = {}
    sign_decides = "direction" not in columns.index
    for number, cells in rows:
        if all(value in (None, "") for value in cells):
            continue
        row = _Row(number, cells, columns)
        line = _line(row, lookups, estimated_in)
        if line is None:
            plan.problems += row.problems
            continue
        identity = _identity(line)
        if identity in seen:
            plan.problems.append(
                ImportProblem(
                    _(
                        "the same line as row %(other)s (same year, kind, account, cost centre, "
                        "taakveld, policy field, lasten/baten and description)"
                    )
                    % {"other": seen[identity]},
                    row=number,
                )
            )
            continue
        seen[identity] = number
        if sign_decides and line.direction == Direction.INCOME:
            plan.negative_as_income += 1
        plan.lines.append(line)
        _add_to_scope(plan, line)
    return plan


def listed_problems(problems: list[ImportProblem]) -> list[ImportProblem]:
    """The first ``MAX_LISTED`` problems and, when there are more, one saying how many."""
    if len(problems) <= MAX_LISTED:
        return problems
    rows = {problem.row for problem in problems if problem.row is not None}
    more = ImportProblem(
        _(
            "… and %(more)s more problems (%(total)s in %(rows)s rows); only the first %(listed)s "
            "are listed"
        )
        % {
            "more": len(problems) - MAX_LISTED,
            "total": len(problems),
            "rows": len(rows),
            "listed": MAX_LISTED,
        }
    )
    return [*problems[:MAX_LISTED], more]


def new_report(*, file_name: str, checksum: str, dry_run: bool, plan: LedgerPlan) -> LedgerReport:
    order = {kind: index for index, kind in enumerate(LineKind.values)}
    scopes = sorted(
        plan.scopes.values(), key=lambda s: (s.year, order[s.kind], s.estimated_in or 0)
    )
    report = LedgerReport(
        kind="ledger", dry_run=dry_run, file_name=file_name, checksum=checksum, scopes=scopes
    )
    if plan.negative_as_income:
        report.warnings.append(
            _(
                "%(count)s lines were negative and were booked as baten because the file has no "
                "lasten/baten column; check that they are not corrections of lasten."
            )
            % {"count": plan.negative_as_income}
        )
    return report
