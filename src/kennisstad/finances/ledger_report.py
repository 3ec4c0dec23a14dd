"""What a ledger import did, or would do: per replaced set (year, kind, estimated in) the lines
it brings and the lines it replaces, with their lasten and baten."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from kennisstad.core.imports import ImportReport

from .models import LineKind

ZERO = Decimal("0")


def euros(amount: Decimal) -> str:
    return "€ " + number_format(amount, decimal_pos=2, force_grouping=True)


def scope_label(year: int, kind: str, estimated_in: int | None) -> str:
    """A set as people name it: Begroting primitief 2018, Meerjarenraming 2020 (2018)."""
    label = f"{LineKind(kind).label} {year}"
    if estimated_in is not None:
        label += " " + _("(estimated in %(year)s)") % {"year": estimated_in}
    return label


@dataclass
class ScopeSummary:
    """One set of lines the file replaces: all lines of one year and kind (a raming also of the
    begroting that estimated it; the wijzigingen of a year together)."""

    year: int
    kind: str
    estimated_in: int | None
    lines: int = 0
    replaced: int = 0
    expenses: Decimal = ZERO
    income: Decimal = ZERO
    # What the file holds of this set, and what stored lines of it would be left without
    # any line after the import (a file filtered to one programme, or only the newest wijziging).
    policy_area_ids: set[int] = field(default_factory=set, repr=False)
    amendments: set[str] = field(default_factory=set, repr=False)
    lost_policy_fields: list[str] = field(default_factory=list)
    lost_amendments: list[str] = field(default_factory=list)

    @property
    def key(self) -> list[int | str | None]:
        return [self.year, self.kind, self.estimated_in]

    @property
    def label(self) -> str:
        return scope_label(self.year, self.kind, self.estimated_in)

    @property
    def balance(self) -> Decimal:
        return self.income - self.expenses

    def __str__(self) -> str:
        return _(
            "%(set)s: %(lines)s lines (replacing %(replaced)s), lasten %(expenses)s, "
            "baten %(income)s"
        ) % {
            "set": self.label,
            "lines": self.lines,
            "replaced": self.replaced,
            "expenses": euros(self.expenses),
            "income": euros(self.income),
        }

    def losses(self) -> list[str]:
        """Warnings for what loses all its lines: noticed before the import is confirmed."""
        out = [
            _("%(set)s: policy field %(code)s loses all its lines (none in the file)")
            % {"set": self.label, "code": code}
            for code in self.lost_policy_fields
        ]
        out += [
            _("%(set)s: amendment %(number)s loses all its lines (none in the file)")
            % {"set": self.label, "number": number or _("(without number)")}
            for number in self.lost_amendments
        ]
        return out


@dataclass
class LedgerReport(ImportReport):
    """An ``ImportReport`` that counts lines, not records: a ledger line has no name to list."""

    kind: str = "ledger"
    file_name: str = ""
    checksum: str = ""
    scopes: list[ScopeSummary] = field(default_factory=list)
    import_id: int | None = None
    warnings: list[str] = field(default_factory=list)  # to check before confirming; not refusals

    @property
    def line_count(self) -> int:
        return sum(scope.lines for scope in self.scopes)

    @property
    def replaced_count(self) -> int:
        return sum(scope.replaced for scope in self.scopes)

    @property
    def total_expenses(self) -> Decimal:
        return sum((scope.expenses for scope in self.scopes), ZERO)

    @property
    def total_income(self) -> Decimal:
        return sum((scope.income for scope in self.scopes), ZERO)

    def counts(self) -> dict[str, int]:
        return {"lines": self.line_count, "replaced": self.replaced_count}

    def summary(self) -> str:
        return _(
            "%(lines)s lines in %(sets)s sets, replacing %(replaced)s lines; "
            "lasten %(expenses)s, baten %(income)s."
        ) % {
            "lines": self.line_count,
            "sets": len(self.scopes),
            "replaced": self.replaced_count,
            "expenses": euros(self.total_expenses),
            "income": euros(self.total_income),
        }

    def lines(self) -> list[str]:
        out = [_("Dry run: nothing was written.")] if self.dry_run else []
        out.append(f"{self.file_name}: {self.summary()}")
        out += [f"= {scope}" for scope in self.scopes]
        out += [f"! {warning}" for warning in self.warnings]
        out += [f"- {problem}" for problem in self.skipped]
        return out
