"""Markdown, HTML and Word exports of an imported chapter print each table as its document
does, so the importer reads them back to the same tables: the document's title first, the
chapter headed "<code> <title>", each table's label on a line of its own just above it, a
header row ("Indicator", each column "label year" as printed) and every cell as printed."""

import io

import pytest

from kennisstad.planning.exports import render
from kennisstad.planning.tests.factories import (
    PRINTED_FOOTNOTE,
    PRINTED_NOTE,
    PRINTED_TABLES,
    import_printed_tables,
    tables_in_html,
)

pytestmark = pytest.mark.django_db


def pipe_rows(lines: list[str]) -> list[list[str]]:
    return [[cell.strip() for cell in line.strip("|").split(" | ")] for line in lines]


def test_markdown_prints_each_label_above_its_pipe_table():
    markdown = render([import_printed_tables()], "md").decode()
    lines = markdown.splitlines()
    assert lines[0] == "# Jaarstukken 2018" and "### 2.1.4 Kennisstad" in lines
    for label, rows in PRINTED_TABLES:
        at = lines.index(label)
        assert lines[at + 1] == "" and lines[at + 3].startswith("| ---")
        table = [lines[at + 2], *lines[at + 4 : at + 3 + len(rows)]]
        assert pipe_rows(table) == rows
    assert (
        lines.index(PRINTED_FOOTNOTE) < lines.index(PRINTED_NOTE) < lines.index("Effectindicatoren")
    )
    assert "#### Wat willen we bereiken?" in lines


def test_html_prints_real_tables_with_caption_and_headers():
    html = render([import_printed_tables()], "html").decode()
    assert tables_in_html(html) == PRINTED_TABLES
    assert '<th scope="col">Behaald 2017</th>' in html
    assert '<th scope="row">Aantal profileringsprojecten¹</th>' in html
    assert "<h1>Jaarstukken 2018</h1>" in html and "<h3>2.1.4 Kennisstad</h3>" in html


def test_word_holds_a_real_table_per_printed_table_under_its_label():
    import docx
    from docx.table import Table

    word = docx.Document(io.BytesIO(render([import_printed_tables()], "docx")))
    tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in word.tables]
    assert tables == [rows for _label, rows in PRINTED_TABLES]
    headings = [(p.style.name, p.text) for p in word.paragraphs if p.style.name.startswith("Head")]
    assert headings[:2] == [("Heading 1", "Jaarstukken 2018"), ("Heading 3", "2.1.4 Kennisstad")]
    # Each table's label is the paragraph just above the table.
    blocks = list(word.iter_inner_content())
    above = [blocks[at - 1].text for at, block in enumerate(blocks) if isinstance(block, Table)]
    assert above == [label for label, _rows in PRINTED_TABLES]
