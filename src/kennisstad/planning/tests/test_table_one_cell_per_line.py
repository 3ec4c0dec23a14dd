"""The seed chapter's table, printed one cell per line, reads cell by cell as printed."""

from decimal import Decimal
from pathlib import Path

from kennisstad.planning.chapter_text_parts import Lines
from kennisstad.planning.document_reader_table import read_line_header, read_line_rows

SEED = Path(__file__).parent / "documents" / "begroting-2018-groningen-2.1.4.txt"


def test_seed_table_reads_as_printed():
    lines = Lines(SEED.read_text())
    lines.position = (
        next(
            index for index, (_n, line) in enumerate(lines.items) if line == "Prestatie-indicatoren"
        )
        + 1
    )
    columns, numbered = read_line_header(lines)
    assert [(c.label, c.year, c.kind, c.line) for c in columns] == [
        ("Behaald", 2015, "realisation", 13),
        ("Behaald", 2016, "realisation", 16),
        ("Begroting", 2017, "target", 19),
        ("Beoogd", 2018, "target", 22),
    ]
    assert not numbered
    rows = read_line_rows(lines, columns, numbered, accept_unreadable=False)
    assert [row.name for row in rows] == [
        "Aantal samenwerkingsprojecten op gebied van Kennis/innovatie",
        "Aantal profileringsprojecten Groningen kennisstad",
    ]
    for row in rows:
        assert [cell.text for cell in row.cells] == ["-", "2", "Beoogd > 2", "> 5"]
        assert [cell.value.value if cell.value else None for cell in row.cells] == [
            None,
            Decimal(2),
            Decimal(2),
            Decimal(5),
        ]
        assert row.cells[3].value.comparator == ">"
