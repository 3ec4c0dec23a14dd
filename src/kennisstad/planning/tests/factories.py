"""Test data for planning: the seed chapter (a copy of shared/seed, the public text of
Groningen's Begroting 2018, chapter 2.1.4)."""

import datetime
from pathlib import Path

SEED = Path(__file__).resolve().parent / "data" / "begroting-2018-groningen-2.1.4.txt"


def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


DECIDED_ON = datetime.date(2017, 11, 9)


def adopt(document, user, *, on=DECIDED_ON, number="2017-123", **options):
    """The council's decision, recorded: what freezes a document's tables and targets."""
    from kennisstad.planning.cycle_services import adopt_document

    return adopt_document(document=document, on=on, decision_number=number, user=user, **options)


# --- printed documents, as the reader gives them (for the import's tests) ------------------


def printed_cell(text: str, line: int = 0):
    from kennisstad.indicators.formatting import UnreadableValue, parse_value
    from kennisstad.planning.document_parts import PrintedCell

    if text.strip() in ("", "-"):
        return PrintedCell(text, line)
    try:
        return PrintedCell(text, line, value=parse_value(text))
    except UnreadableValue:
        return PrintedCell(text, line, unreadable=True)


def printed_table(columns, rows, *, kind="performance", label="Prestatie-indicatoren"):
    """``columns``: (label, year, kind); ``rows``: {name: [cell text, ...]}."""
    from kennisstad.planning.document_parts import PrintedColumn, PrintedRow, PrintedTable

    return PrintedTable(
        label=label,
        kind=kind,
        line=1,
        columns=[PrintedColumn(lab, year, col_kind, 1) for lab, year, col_kind in columns],
        rows=[
            PrintedRow(name, 10 + n, [printed_cell(t, 10 + n) for t in texts])
            for n, (name, texts) in enumerate(rows.items())
        ],
    )


def printed_chapter(code, title, *tables, line=1, actions=()):
    from kennisstad.planning.chapter_text_parts import SectionText
    from kennisstad.planning.document_parts import PrintedChapter

    return PrintedChapter(
        code=code,
        title=title,
        line=line,
        introduction=["Inleiding."],
        tables=list(tables),
        sections=[
            SectionText("aims", "Wat willen we bereiken?", line + 1, ["Doelen."]),
            SectionText("actions", "Wat gaan we doen?", line + 2, [], list(actions)),
        ],
    )


def printed_document(kind, year, *chapters):
    from kennisstad.planning.document_parts import PrintedDocument

    return PrintedDocument(kind=kind, year=year, chapters=list(chapters))


BEGROTING_2018 = (("Behaald", 2016, "realisation"), ("Beoogd", 2018, "target"))
JAARSTUKKEN_2017 = (("Behaald", 2016, "realisation"), ("Behaald", 2017, "realisation"))
