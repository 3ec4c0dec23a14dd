"""How the money is printed: amounts in units of ``KENNISSTAD_FINANCE_UNIT`` euros (1000: "x
€ 1.000", as budgets print them), in Dutch notation (1.235; negative with a minus), rounded half
up; a column without any ledger line prints a dash, an explicit 0 prints 0. The data shape
(``finance_data``, ``overview_data``) is what the JSON export and the API give: exact euros as
strings next to the shown values."""

from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings

from .finance_tables import OVERVIEW_HEADING, ROWS, FinanceOverview, FinanceTable

NO_VALUE = "-"
ROW_LABELS = {"lasten": "Lasten", "baten": "Baten", "saldo": "Saldo"}
ROW_LABELS_EN = {"lasten": "Expenses", "baten": "Income", "saldo": "Balance"}
NO_DATA = "Voor dit beleidsveld staan geen financiële gegevens in de administratie."
NO_DATA_EN = "The ledger holds no figures for this policy field."
DIFFERENCE_NOTE = "Verschil: realisatie minus begroting na wijziging."
DIFFERENCE_NOTE_EN = "Difference: actuals minus the budget after amendments."
SALDO_NOTE = "Saldo: baten minus lasten; een negatief saldo is nadelig."
TAAKVELD_LABEL = "Lasten en baten per taakveld"
TOTAL_LABEL = "Totaal"


def unit() -> int:
    return int(getattr(settings, "KENNISSTAD_FINANCE_UNIT", 1000))


def unit_note() -> str:
    return "Bedragen x € 1.000" if unit() == 1000 else "Bedragen in euro's"


def unit_note_en() -> str:
    return "Amounts x € 1,000" if unit() == 1000 else "Amounts in euros"


def shown_number(value: Decimal) -> int:
    """The amount in the unit shown, rounded half up (Excel cells get this number)."""
    exact = Decimal(str(value)) / unit()
    return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def shown(value: Decimal | None) -> str:
    """Dutch notation of the amount in the unit shown: 1.234.567 → "1.235" (x € 1.000)."""
    if value is None:
        return NO_VALUE
    number = shown_number(value)
    text = f"{abs(number):,}".replace(",", ".")
    return f"-{text}" if number < 0 else text


def explanation_texts(table: FinanceTable, explanations: dict) -> list[str]:
    """The explanations printed under the table, per row in the table's order."""
    return [
        f"Toelichting {ROW_LABELS[row].lower()}: {explanations[row].text_nl}"
        for row in ROWS
        if row in explanations
    ]


def notes_below(table: FinanceTable, explanations: dict) -> list[str]:
    notes = [SALDO_NOTE]
    if table.reports_difference:
        notes.append(DIFFERENCE_NOTE)
    return notes + explanation_texts(table, explanations)


def main_rows(table: FinanceTable) -> list[tuple[str, list[Decimal | None]]]:
    return [(row, table.row(row)) for row in ROWS]


def taakveld_rows(table: FinanceTable) -> list[tuple[str, list[Decimal | None]]]:
    """Per taakveld a row of lasten and one of baten ("3.4 Economische promotie – lasten")."""
    rows = []
    for line in table.taakvelden:
        rows.append((f"{line.code} {line.title} – lasten", line.expenses))
        rows.append((f"{line.code} {line.title} – baten", line.income))
    return rows


def overview_titles(overview: FinanceOverview) -> list[str]:
    return [f"{kind} {column.title}" for column in overview.columns for kind in ("Lasten", "Baten")]


def overview_rows(overview: FinanceOverview) -> list[tuple[str, list[Decimal | None]]]:
    """Per taakveld (official order) its lasten and baten per column, then the totals."""
    rows = []
    for line in overview.taakvelden:
        values = [v for pair in zip(line.expenses, line.income, strict=True) for v in pair]
        rows.append((f"{line.code} {line.title}", values))
    expenses, income = overview.totals()
    rows.append((TOTAL_LABEL, [v for pair in zip(expenses, income, strict=True) for v in pair]))
    return rows


def _amounts(values: list[Decimal | None]) -> dict:
    return {
        "euros": [None if v is None else str(v) for v in values],
        "shown": [shown(v) for v in values],
    }


def finance_data(table: FinanceTable | None, explanations: dict) -> dict | None:
    """The chapter's money for JSON: exact euros (strings) and the values as shown."""
    if table is None:
        return None
    return {
        "heading": table.heading,
        "heading_en": table.heading_en,
        "unit": unit(),
        "unit_note": unit_note(),
        "has_data": table.has_data,
        "frozen": table.frozen,
        "columns": [column.to_json() for column in table.columns],
        "rows": [
            {"row": row, "label": ROW_LABELS[row], **_amounts(values)}
            for row, values in main_rows(table)
        ],
        "taakvelden": [
            {
                "code": line.code,
                "title": line.title,
                "lasten": _amounts(line.expenses),
                "baten": _amounts(line.income),
            }
            for line in table.taakvelden
        ],
        "notes": notes_below(table, {}),
        "explanations": [
            {"row": row, "text_nl": e.text_nl, "text_en": e.text_en}
            for row, e in sorted(explanations.items(), key=lambda item: ROWS.index(item[0]))
        ],
    }


def overview_data(overview: FinanceOverview | None) -> dict | None:
    if overview is None:
        return None
    expenses, income = overview.totals()
    return {
        "heading": OVERVIEW_HEADING[0],
        "heading_en": OVERVIEW_HEADING[1],
        "unit": unit(),
        "unit_note": unit_note(),
        "frozen": overview.frozen,
        "columns": [column.to_json() for column in overview.columns],
        "taakvelden": [
            {
                "code": line.code,
                "title": line.title,
                "lasten": _amounts(line.expenses),
                "baten": _amounts(line.income),
            }
            for line in overview.taakvelden
        ],
        "totals": {"lasten": _amounts(expenses), "baten": _amounts(income)},
    }
