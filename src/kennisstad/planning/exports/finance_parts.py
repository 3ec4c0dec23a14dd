"""The money as the text formats print it: under the heading "Wat mag het kosten?" (begroting)
or "Wat heeft het gekost?" (jaarstukken) the table of lasten, baten and saldo, then the same per
taakveld, the notes (saldo, Verschil) and the explanations of the differences; for the whole
document the overview of lasten and baten per taakveld. Exports are Dutch, as the document."""

from decimal import Decimal

from ..finance_format import (
    NO_DATA,
    ROW_LABELS,
    TAAKVELD_LABEL,
    main_rows,
    notes_below,
    overview_rows,
    overview_titles,
    shown,
    taakveld_rows,
    unit_note,
)
from ..finance_tables import OVERVIEW_HEADING, FinanceOverview, FinanceTable
from .content import ChapterContent, TextTable


def finance_heading(content: ChapterContent) -> str:
    return content.finance.heading if content.finance else ""


def finance_text_tables(content: ChapterContent) -> list[TextTable]:
    """The chapter's finance tables, [] without ledger data (``finance_missing`` says so)."""
    table = content.finance
    if table is None or not table.has_data:
        return []
    titles = [column.title for column in table.columns]
    main = TextTable(
        unit_note(),
        titles,
        [[ROW_LABELS[row], *map(shown, values)] for row, values in main_rows(table)],
        below=notes_below(table, content.explanations),
        name_title="",
    )
    per_taakveld = TextTable(
        TAAKVELD_LABEL,
        titles,
        [[name, *map(shown, values)] for name, values in taakveld_rows(table)],
        name_title="Taakveld",
    )
    return [main, per_taakveld] if table.taakvelden else [main]


def finance_missing(content: ChapterContent) -> str:
    table = content.finance
    return NO_DATA if table is not None and not table.has_data else ""


def overview_text_table(overview: FinanceOverview) -> TextTable:
    return TextTable(
        unit_note(),
        overview_titles(overview),
        [[name, *map(shown, values)] for name, values in overview_rows(overview)],
        name_title="Taakveld",
    )


OVERVIEW_TITLE = OVERVIEW_HEADING[0]


def sheet_rows(table: FinanceTable) -> list[tuple[str, list[Decimal | None]]]:
    """The rows the spreadsheet types as numbers: the main rows, then per taakveld."""
    return [(ROW_LABELS[row], values) for row, values in main_rows(table)] + taakveld_rows(table)
