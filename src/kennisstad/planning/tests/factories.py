"""Test data for planning: the seed chapter (a copy of shared/seed, the public text of
Groningen's Begroting 2018, chapter 2.1.4)."""

import datetime
from copy import deepcopy
from pathlib import Path

SEED = Path(__file__).resolve().parent / "data" / "begroting-2018-groningen-2.1.4.txt"


def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def read_seed(text: str | None = None):
    """The seed chapter (or ``text``, a changed copy of it) as the reader gives it."""
    from kennisstad.planning.document_reading import read_file

    return read_file((seed_text() if text is None else text).encode("utf-8"), "seed.txt")


def import_seed(text: str | None = None, **options):
    """The seed chapter (or ``text``) imported as the import command and the upload page do:
    read from a file, then ``import_document`` with ``options`` (user, dry_run, atomic,
    published_on, measured_on). An import never adopts (ADR 11): where a test needs frozen
    tables or fixed targets, record the decision with ``adopt``."""
    from kennisstad.planning.document_import import import_document

    return import_document(printed=read_seed(text), **options)


DECIDED_ON = datetime.date(2017, 11, 9)


def adopt(document, user, *, on=DECIDED_ON, number="2017-123", **options):
    """The council's decision, recorded: what freezes a document's tables and targets."""
    from kennisstad.planning.cycle_services import adopt_document

    return adopt_document(document=document, on=on, decision_number=number, user=user, **options)


def adopted_seed(text: str | None = None, *, user=None, **options):
    """The seed chapter (or ``text``) imported (published, as printed) and its document adopted
    (the council's decision recorded: its tables frozen, its targets fixed), as the public
    portal shows it; returns the document."""
    from kennisstad.planning.document_import import import_document
    from kennisstad.policy.models import Document

    printed = read_seed(text)
    import_document(printed=printed, user=user, **options)
    return adopt(Document.objects.get(kind=printed.kind, year=printed.year), user)


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


# --- a chapter that prints its own tables (for the pages, the API and the exports) ---------

PRINTED_NOTE = "Bij de indicatoren staat een streepje als er geen gegevens beschikbaar zijn."
PRINTED_FOOTNOTE = "* Voorlopig cijfer: de telling over 2018 loopt nog."


def _footnoted(text: str, mark: str):
    from kennisstad.indicators.formatting import parse_value
    from kennisstad.planning.document_parts import PrintedCell

    return PrintedCell(text, 0, value=parse_value(text.replace(mark, "")), footnote=mark)


def printed_tables_document(*codes: str):
    """Jaarstukken 2018, chapter 2.1.4, printing two tables in its own layout: a performance
    table (``Behaald 2017 | Beoogd 2018 | Behaald 2018``, a footnote mark in a cell and after a
    name, a text cell, a footnote under it) and a numbered effect table with a column without a
    year, a range and a note above it."""
    performance = printed_table(
        (
            ("Behaald", 2017, "realisation"),
            ("Beoogd", 2018, "target"),
            ("Behaald", 2018, "realisation"),
        ),
        {"Aantal samenwerkingsprojecten": ["8", "> 2", "6"], "Aantal profileringsprojecten": []},
    )
    performance.rows[0].cells[2] = _footnoted("6*", "*")
    performance.rows[1].cells = [printed_cell("2"), printed_cell("> 5"), printed_cell("Top 8")]
    performance.rows[1].footnote = "¹"
    performance.note = PRINTED_FOOTNOTE
    effect = printed_table(
        (
            ("Nulmeting", None, "baseline"),
            ("Doelstelling", 2017, "target"),
            ("Realisatie", 2017, "realisation"),
            ("Ambitie", 2018, "target"),
        ),
        {"Aandeel internationale studenten": ["12,5%", "15%", "14,1%", "65 tot 70 %"]},
        kind="effect",
        label="Effectindicatoren",
    )
    effect.rows[0].number = "1"
    effect.note = PRINTED_NOTE
    chapters = [
        printed_chapter(code, "Kennisstad", deepcopy(performance), deepcopy(effect))
        for code in codes or ("2.1.4",)
    ]
    return printed_document("jaarstukken", 2018, *chapters)


# The two tables as the pages and the exports show them: (label, the header row and then the
# rows), every cell as printed, "Indicator" heading the names, "Nr" the printed row numbers.
PRINTED_TABLES = [
    (
        "Prestatie-indicatoren",
        [
            ["Indicator", "Behaald 2017", "Beoogd 2018", "Behaald 2018"],
            ["Aantal samenwerkingsprojecten", "8", "> 2", "6*"],
            ["Aantal profileringsprojecten¹", "2", "> 5", "Top 8"],
        ],
    ),
    (
        "Effectindicatoren",
        [
            [
                "Nr",
                "Indicator",
                "Nulmeting",
                "Doelstelling 2017",
                "Realisatie 2017",
                "Ambitie 2018",
            ],
            ["1", "Aandeel internationale studenten", "12,5%", "15%", "14,1%", "65 tot 70 %"],
        ],
    ),
]


def import_printed_tables():
    """The chapter of ``printed_tables_document`` imported; returns it."""
    from kennisstad.planning.document_import import import_document
    from kennisstad.planning.models import Chapter

    import_document(printed=printed_tables_document())
    return Chapter.objects.get(document__kind="jaarstukken", document__year=2018)


def tables_in_html(text: str) -> list[tuple[str, list[list[str]]]]:
    """(caption, rows of cell texts, header row first) of every table of an HTML page."""
    import lxml.html

    def texts(row):
        return [" ".join(cell.text_content().split()) for cell in row.xpath("th|td")]

    return [
        (
            " ".join(table.xpath("string(caption)").split()),
            [texts(row) for row in table.xpath(".//tr")],
        )
        for table in lxml.html.fromstring(text).xpath("//table")
    ]
