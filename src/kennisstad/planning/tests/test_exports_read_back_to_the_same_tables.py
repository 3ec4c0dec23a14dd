"""What Kennisstad exports as Markdown, HTML and Word the importer reads again to the same
tables: an imported chapter's tables as printed (label, kind, columns with label and year, rows
with name, number, footnote mark and every cell's text, the notes), and the standard table of a
chapter Kennisstad writes itself.

Runs once the reader (``document_reader``) and the file formats (``document_formats``) are in."""

import pytest

from kennisstad.planning.document_import import import_document
from kennisstad.planning.document_parts import table_to_json
from kennisstad.planning.exports import render
from kennisstad.planning.models import Chapter
from kennisstad.planning.tests.factories import (
    import_printed_tables,
    import_seed,
    printed_tables_document,
)

pytest.importorskip("kennisstad.planning.document_reader")
pytest.importorskip("kennisstad.planning.document_formats")
pytestmark = pytest.mark.django_db
FORMATS = ["md", "html", "docx"]


def as_printed(table: dict) -> dict:
    """A table as the document prints it: without the indicators the import matched."""
    return {**table, "rows": [{**row, "indicator": None} for row in table["rows"]]}


def read_back(chapter: Chapter, fmt: str, *, code: str | None = None):
    from kennisstad.planning.document_reading import read_file

    document = read_file(render([chapter], fmt), f"export.{fmt}")
    assert (document.kind, document.year) == (chapter.document.kind, chapter.document.year)
    [printed] = document.chapters
    code = chapter.policy_area.code if code is None else code
    assert (printed.code, printed.title) == (code, chapter.policy_area.title_nl)
    return printed


@pytest.mark.parametrize("fmt", FORMATS)
def test_printed_tables_read_back_as_printed(fmt):
    chapter = import_printed_tables()
    printed = read_back(chapter, fmt)
    assert [table_to_json(table) for table in printed.tables] == [
        as_printed(table) for table in chapter.printed_tables
    ]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_chapter_without_a_code_reads_back_without_one(fmt):
    document = printed_tables_document()
    document.chapters[0].code, document.chapters[0].title = "", "Groningen Kennisstad"
    import_document(printed=document)
    chapter = Chapter.objects.get()
    assert chapter.policy_area.code.startswith("t-")
    printed = read_back(chapter, fmt, code="")
    assert len(printed.tables) == 2


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_standard_table_reads_back_to_the_same_cells(fmt):
    import_seed()
    Chapter.objects.update(printed_tables=[])  # as a chapter Kennisstad writes itself
    chapter = Chapter.objects.get()
    [table] = read_back(chapter, fmt).tables
    assert table.label == "Prestatie-indicatoren"
    assert [(c.label, c.year) for c in table.columns] == [
        ("Behaald", 2015),
        ("Behaald", 2016),
        ("Begroting", 2017),
        ("Beoogd", 2018),
    ]
    assert [[row.name, *(cell.text for cell in row.cells)] for row in table.rows] == [
        [row.indicator.name_nl, "-", "2", "> 2", "> 5"] for row in chapter.table_rows.all()
    ]
