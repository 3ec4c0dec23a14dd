"""The money as a page shows it, in the reader's language: the chapter's table (rows labelled,
amounts as shown, the notes and explanations), for the chapter page and the public portal."""

from django.utils.translation import get_language

from .finance_format import (
    DIFFERENCE_NOTE,
    DIFFERENCE_NOTE_EN,
    NO_DATA,
    NO_DATA_EN,
    ROW_LABELS,
    ROW_LABELS_EN,
    main_rows,
    shown,
    unit_note,
    unit_note_en,
)
from .finance_models import FinanceExplanation, FinanceRow
from .finance_tables import FinanceTable


def _english() -> bool:
    return (get_language() or "nl").startswith("en")


def _titles(columns) -> list[str]:
    return [column.title_en if _english() else column.title for column in columns]


def table_view(table: FinanceTable | None, explained: dict[str, FinanceExplanation]) -> dict:
    """What the chapter page shows of the money."""
    if table is None:
        return {}
    english = _english()
    labels = ROW_LABELS_EN if english else ROW_LABELS
    return {
        "table": table,
        "has_data": table.has_data,
        "no_data": NO_DATA_EN if english else NO_DATA,
        "unit_note": unit_note_en() if english else unit_note(),
        "titles": _titles(table.columns),
        "rows": [(labels[row], [shown(v) for v in values]) for row, values in main_rows(table)],
        "taakvelden": [
            (
                f"{line.code} {line.title_en if english else line.title}",
                [shown(v) for v in line.expenses],
                [shown(v) for v in line.income],
            )
            for line in table.taakvelden
        ],
        "difference_note": (DIFFERENCE_NOTE_EN if english else DIFFERENCE_NOTE)
        if table.reports_difference
        else "",
        "explanations": [
            (labels[row], explained[row].text) for row in FinanceRow.values if row in explained
        ],
    }
