"""The money of a chapter ("Wat mag het kosten?" / "Wat heeft het gekost?") and the document's
overview per taakveld (BBV), read from the ledger in one query for all documents shown, rolled
up per chapter in Python. An offered or adopted document keeps both as they stood
(``Chapter.frozen_finances``, ``Document.frozen_finance_overview``). Amounts are exact euros;
``None`` means no ledger line at all, unlike an explicit 0. A bestuursrapportage has none yet.
"""

import functools
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from kennisstad.finances import selectors as finance_selectors
from kennisstad.finances.selectors import Amounts, Column
from kennisstad.policy.models import Document, DocumentKind

from .models import Chapter

ROWS = ("lasten", "baten", "saldo")
WHOLE_LEDGER_FROM = 8  # chapters from which the ledger is read unfiltered
DIFFERENCE = "verschil"
HEADINGS = {
    DocumentKind.BEGROTING: ("Wat mag het kosten?", "What will it cost?"),
    DocumentKind.JAARSTUKKEN: ("Wat heeft het gekost?", "What did it cost?"),
}
OVERVIEW_HEADING = (
    "Overzicht van lasten en baten per taakveld",
    "Expenses and income per taakveld",
)


@dataclass(frozen=True)
class FinanceColumn:
    """One column as the document prints it, and which ledger lines make it up (none for the
    jaarstukken' Verschil, which is realisatie minus na wijziging)."""

    title: str
    title_en: str
    basis: str  # a finances BASES value, or "verschil"
    year: int | None = None
    estimated_in: int | None = None

    @property
    def ledger(self) -> Column | None:
        if self.basis == DIFFERENCE:
            return None
        return Column(self.year, self.basis, self.estimated_in)

    def to_json(self) -> dict:
        return {
            "title": self.title,
            "title_en": self.title_en,
            "basis": self.basis,
            "year": self.year,
            "estimated_in": self.estimated_in,
        }


def document_columns(document: Document) -> list[FinanceColumn]:
    """The columns of the document's finance table; [] for a kind that prints none."""
    year = document.year
    if document.kind == DocumentKind.BEGROTING:
        return [
            FinanceColumn(f"Rekening {year - 2}", f"Actuals {year - 2}", "realisatie", year - 2),
            FinanceColumn(
                f"Begroting {year - 1} na wijziging",
                f"Budget {year - 1} after amendments",
                "na_wijziging",
                year - 1,
            ),
            FinanceColumn(f"Begroting {year}", f"Budget {year}", "primitief", year),
            *(
                FinanceColumn(f"Raming {y}", f"Estimate {y}", "raming", y, estimated_in=year)
                for y in (year + 1, year + 2, year + 3)
            ),
        ]
    if document.kind == DocumentKind.JAARSTUKKEN:
        return [
            FinanceColumn(
                f"Begroting {year} primitief", f"Original budget {year}", "primitief", year
            ),
            FinanceColumn(
                f"Begroting {year} na wijziging",
                f"Budget {year} after amendments",
                "na_wijziging",
                year,
            ),
            FinanceColumn(f"Realisatie {year}", f"Actuals {year}", "realisatie", year),
            FinanceColumn("Verschil", "Difference", DIFFERENCE),
        ]
    return []


def overview_columns(document: Document) -> list[FinanceColumn]:
    """The begroting's own year, or the jaarstukken' budget na wijziging and realisation."""
    columns = document_columns(document)
    if document.kind == DocumentKind.BEGROTING:
        return [columns[2]]
    return columns[1:3]


Values = list[Decimal | None]


@dataclass
class TaakveldLine:
    code: str
    title: str
    title_en: str
    expenses: Values
    income: Values


@dataclass
class FinanceTable:
    """A chapter's table: per column lasten, baten and saldo; below it the same per taakveld."""

    kind: str
    columns: list[FinanceColumn]
    expenses: Values
    income: Values
    taakvelden: list[TaakveldLine] = field(default_factory=list)
    frozen: bool = False

    @property
    def heading(self) -> str:
        return HEADINGS[self.kind][0]

    @property
    def heading_en(self) -> str:
        return HEADINGS[self.kind][1]

    @property
    def balance(self) -> Values:
        return [
            None if e is None and i is None else (i or Decimal(0)) - (e or Decimal(0))
            for e, i in zip(self.expenses, self.income, strict=True)
        ]

    @property
    def has_data(self) -> bool:
        """False when the ledger holds no line at all for the chapter: it says so, no zeros."""
        return any(v is not None for v in [*self.expenses, *self.income])

    @property
    def reports_difference(self) -> bool:
        return bool(self.columns) and self.columns[-1].basis == DIFFERENCE

    def row(self, name: str) -> Values:
        return {"lasten": self.expenses, "baten": self.income, "saldo": self.balance}[name]

    def to_json(self) -> dict:
        return {
            "kind": self.kind,
            "columns": [column.to_json() for column in self.columns],
            "lasten": _strings(self.expenses),
            "baten": _strings(self.income),
            "taakvelden": [
                {
                    "code": line.code,
                    "title": line.title,
                    "title_en": line.title_en,
                    "lasten": _strings(line.expenses),
                    "baten": _strings(line.income),
                }
                for line in self.taakvelden
            ],
        }

    @classmethod
    def from_json(cls, data: dict) -> "FinanceTable":
        return cls(
            kind=data["kind"],
            columns=[FinanceColumn(**column) for column in data["columns"]],
            expenses=_decimals(data["lasten"]),
            income=_decimals(data["baten"]),
            taakvelden=[
                TaakveldLine(
                    line["code"],
                    line["title"],
                    line["title_en"],
                    _decimals(line["lasten"]),
                    _decimals(line["baten"]),
                )
                for line in data["taakvelden"]
            ],
            frozen=True,
        )


@dataclass
class FinanceOverview:
    """The document's lasten and baten per taakveld (BBV), all policy fields together."""

    columns: list[FinanceColumn]
    taakvelden: list[TaakveldLine]
    frozen: bool = False

    def totals(self) -> tuple[Values, Values]:
        width = len(self.columns)
        expenses = [_sum(line.expenses[i] for line in self.taakvelden) for i in range(width)]
        income = [_sum(line.income[i] for line in self.taakvelden) for i in range(width)]
        return expenses, income

    @property
    def has_data(self) -> bool:
        """False when the ledger holds no line for the document's years: nothing to freeze."""
        return any(
            v is not None for line in self.taakvelden for v in [*line.expenses, *line.income]
        )

    def to_json(self) -> dict:
        table = FinanceTable("", self.columns, [], [], self.taakvelden)
        data = table.to_json()
        return {"columns": data["columns"], "taakvelden": data["taakvelden"]}

    @classmethod
    def from_json(cls, data: dict) -> "FinanceOverview":
        table = FinanceTable.from_json({"kind": "", "lasten": [], "baten": [], **data})
        return cls(table.columns, table.taakvelden, frozen=True)


CENT = Decimal("0.01")


def _euros(value) -> Decimal:
    """Exact euros to the cent, whatever number type the database's sum gave."""
    if not isinstance(value, Decimal):
        value = Decimal(str(value))
    return value.quantize(CENT)


def _strings(values: Values) -> list[str | None]:
    return [None if value is None else str(value) for value in values]


def _decimals(values: list) -> Values:
    return [None if value is None else Decimal(value) for value in values]


def _sum(values: Iterable[Decimal | None]) -> Decimal | None:
    present = [value for value in values if value is not None]
    return sum(present, Decimal(0)) if present else None


def _with_difference(columns: list[FinanceColumn], values: Values) -> Values:
    """The jaarstukken' last column: realisatie minus na wijziging (None without either)."""
    if not columns or columns[-1].basis != DIFFERENCE:
        return values
    budget, realised = values[-2], values[-1]
    difference = None if budget is None and realised is None else (realised or 0) - (budget or 0)
    return [*values, difference]


class _Ledger:
    """The ledger's sums for a document's columns, per (area, taakveld): read once, then rolled
    up to any chapter (an area and everything below it) or to the whole document."""

    def __init__(
        self,
        columns: Sequence[FinanceColumn],
        areas: Iterable[str] | None,
        by_area: bool = True,
        read: dict | None = None,  # the sums of several documents' columns, read together
    ):
        self.columns = list(columns)
        ledger = [column.ledger for column in self.columns if column.ledger is not None]
        if read is not None:
            sums = read
        elif by_area:
            sums = finance_selectors.ledger_by_area_and_taakveld(ledger, areas=areas)
        else:  # the overview: per taakveld only, a few rows per column
            sums = {
                column: {
                    ("", key[0]): amounts
                    for key, amounts in finance_selectors.totals(column, by=("taakveld",)).items()
                }
                for column in ledger
            }
        width = len(ledger)
        # Per chapter code (an area or any area above it) and taakveld: per column [lasten,
        # baten], or None where no line was booked.
        chapter_sums: dict[str, dict[str, list]] = defaultdict(dict)
        taakveld_sums: dict[str, list] = {}
        for index, column in enumerate(ledger):
            for (area, taakveld), found in sums[column].items():
                expenses, income = _euros(found.expenses), _euros(found.income)
                prefixes = _prefixes(area) if by_area else ()
                for cells in (
                    *(chapter_sums[p].setdefault(taakveld, [None] * width) for p in prefixes),
                    taakveld_sums.setdefault(taakveld, [None] * width),
                ):
                    cell = cells[index]
                    if cell is None:
                        cells[index] = [expenses, income]
                    else:
                        cell[0] += expenses
                        cell[1] += income
        self.by_chapter = {
            code: {tv: [c and Amounts(*c) for c in cells] for tv, cells in per.items()}
            for code, per in chapter_sums.items()
        }
        self.by_taakveld = {
            tv: [c and Amounts(*c) for c in cells] for tv, cells in taakveld_sums.items()
        }
        self.width = len(ledger)

    def lines(self, per_taakveld: dict[str, list[Amounts | None]], titles) -> list[TaakveldLine]:
        lines = []
        for code in sorted(per_taakveld, key=lambda c: titles[c][0] if c in titles else 0):
            cells = per_taakveld[code]
            _position, title, title_en = titles.get(code, (0, code, code))
            lines.append(
                TaakveldLine(
                    code,
                    title,
                    title_en,
                    _with_difference(self.columns, [c and c.expenses for c in cells]),
                    _with_difference(self.columns, [c and c.income for c in cells]),
                )
            )
        return lines

    def table(self, kind: str, code: str, titles) -> FinanceTable:
        lines = self.lines(self.by_chapter.get(code, {}), titles)
        width = len(self.columns)
        expenses = [_sum(line.expenses[i] for line in lines) for i in range(width)]
        income = [_sum(line.income[i] for line in lines) for i in range(width)]
        return FinanceTable(kind, self.columns, expenses, income, lines)


@functools.cache
def _prefixes(code: str) -> tuple[str, ...]:
    """The area and every area above it, as ``area_filter`` counts them (2.1.4: 2, 2.1, 2.1.4)."""
    return tuple(code.rsplit(".", n)[0] for n in range(code.count("."), -1, -1))


def _titles() -> dict[str, tuple[int, str, str]]:
    return {
        t.code: (t.position, t.title_nl, t.title_en or t.title_nl)
        for t in finance_selectors.taakvelden()
    }


def live_finance_tables(
    chapters: Sequence[Chapter], *, whole_ledger: bool = False
) -> list[FinanceTable | None]:
    """Each chapter's table computed from the ledger now, one query per column per document."""
    result: dict[int, FinanceTable | None] = {}
    by_document: dict[int, list[Chapter]] = defaultdict(list)
    for chapter in chapters:
        by_document[chapter.document_id].append(chapter)
    titles = _titles() if chapters else {}
    columns_of = {key: document_columns(group[0].document) for key, group in by_document.items()}
    wanted = [c.ledger for columns in columns_of.values() for c in columns if c.ledger]
    # Many chapters read (nearly) the whole ledger: one plain query is faster than a filter
    # naming every chapter's area. Every document's columns are read in one query.
    many = whole_ledger or len(chapters) > WHOLE_LEDGER_FROM
    codes = None if many else [chapter.policy_area.code for chapter in chapters]
    read = finance_selectors.ledger_by_area_and_taakveld(wanted, areas=codes) if wanted else {}
    for key, group in by_document.items():
        document = group[0].document
        columns = columns_of[key]
        if not columns:
            result.update({id(chapter): None for chapter in group})
            continue
        ledger = _Ledger(columns, codes, read=read)
        for chapter in group:
            result[id(chapter)] = ledger.table(document.kind, chapter.policy_area.code, titles)
    return [result[id(chapter)] for chapter in chapters]


def finance_tables(chapters: Sequence[Chapter]) -> list[FinanceTable | None]:
    """What each chapter shows: its frozen table once adopted, else the live one."""
    chapters = list(chapters)
    live = iter(live_finance_tables([c for c in chapters if c.frozen_finances is None]))
    return [
        next(live) if c.frozen_finances is None else FinanceTable.from_json(c.frozen_finances)
        for c in chapters
    ]


def finance_table(chapter: Chapter) -> FinanceTable | None:
    return finance_tables([chapter])[0]


def live_finance_overview(document: Document) -> FinanceOverview | None:
    columns = overview_columns(document)
    if not columns:
        return None
    ledger = _Ledger(columns, None, by_area=False)
    return FinanceOverview(columns, ledger.lines(ledger.by_taakveld, _titles()))


def finance_overview(document: Document) -> FinanceOverview | None:
    """The document's overview per taakveld: as adopted, else as the ledger stands."""
    if document.frozen_finance_overview is not None:
        return FinanceOverview.from_json(document.frozen_finance_overview)
    return live_finance_overview(document)
