"""Every test document in ``documents/layouts`` (the published layouts: begroting and
jaarstukken, with and without codes and titles, one cell per line, TAB rows, Markdown pipes,
spaced and TAB PDF text, a saved web page) reads cell by cell as it is printed
(``published_layouts.EXPECTED``), through its format's text as an uploaded file is read, and
imports with each table kept as printed."""

import pytest

from kennisstad.planning.document_import import import_document
from kennisstad.planning.document_parts import PrintedCell, PrintedDocument
from kennisstad.planning.document_reading import read_file
from kennisstad.planning.models import Chapter
from kennisstad.planning.tests.published_layouts import EXPECTED, GIVEN, LAYOUTS, NOTES

DOCUMENTS = sorted(EXPECTED)


def read(name: str) -> PrintedDocument:
    """The document as the command and the upload page read it: its format's text
    (``document_formats``: a saved web page's tables as TAB rows), then the reader."""
    kind, year = GIVEN.get(name, (None, None))
    return read_file((LAYOUTS / name).read_bytes(), name, kind=kind, year=year)


def value_read(cell: PrintedCell) -> str | None:
    """The cell's value in the notation of ``published_layouts``."""
    value = cell.value
    if value is None:
        return None
    percent = "%" if value.percentage else ""
    if value.comparator is None:
        return f"{value.value}{percent}"
    if value.comparator == "range":
        return f"{value.value}..{value.value_high}{percent}"
    if value.comparator == "text":
        return "text" if value.value is None else f"text {value.value}"
    return f"{value.comparator} {value.value}{percent}"


def as_printed(document: PrintedDocument) -> dict:
    return {
        "document": (document.kind, document.year),
        "chapters": [
            {
                "code": chapter.code,
                "title": chapter.title,
                "programme": chapter.programme_title,
                "sections": [
                    (s.kind, s.heading, len(s.paragraphs), len(s.bullets)) for s in chapter.sections
                ],
                "tables": [
                    {
                        "label": table.label,
                        "kind": table.kind,
                        **({"name_at": table.name_at} if table.name_at else {}),
                        "columns": [
                            (c.label, c.year, c.kind) + ((c.suffix,) if c.suffix else ())
                            for c in table.columns
                        ],
                        "rows": [
                            (
                                row.number,
                                row.name,
                                [
                                    (cell.text, value_read(cell))
                                    + ((cell.footnote,) if cell.footnote else ())
                                    for cell in row.cells
                                ],
                            )
                            + (("group",) if row.group else ())
                            for row in table.rows
                        ],
                    }
                    for table in chapter.tables
                ],
            }
            for chapter in document.chapters
        ],
    }


def test_every_layout_document_has_its_expectation():
    files = sorted(path.name for path in LAYOUTS.iterdir())
    assert files == DOCUMENTS and len(files) >= 9


@pytest.mark.parametrize("name", DOCUMENTS)
def test_a_published_layout_reads_cell_by_cell(name):
    document = read(name)
    assert as_printed(document) == EXPECTED[name]
    notes = [table.note for chapter in document.chapters for table in chapter.tables if table.note]
    assert notes == NOTES.get(name, [])
    assert not any(
        cell.unreadable
        for chapter in document.chapters
        for table in chapter.tables
        for row in table.rows
        for cell in row.cells
    )


def test_every_cell_keeps_the_line_it_is_printed_on():
    name = "03-jaarstukken-2017-tab-rows.txt"
    lines = (LAYOUTS / name).read_text(encoding="utf-8").splitlines()
    for table in read(name).chapters[0].tables:
        for row in table.rows:
            assert row.name in lines[row.line - 1]
            assert all(cell.text in lines[cell.line - 1] for cell in row.cells)


def test_sections_keep_their_text():
    chapter = read("01-begroting-2018-one-cell-per-line.txt").chapters[0]
    assert chapter.introduction == [
        "Groningen wil zich in Nederland en daarbuiten laten zien als stad van kennis. Samen "
        "met de universiteit, de hogeschool en het UMCG zetten we projecten op die talent naar "
        "de stad halen en hier houden."
    ]
    current_state, aims, actions = chapter.sections
    assert current_state.paragraphs[1] == (
        "Welkom in Groningen\nHet loket voor internationals is in 2017 verhuisd naar de "
        "binnenstad en wordt goed bezocht."
    )
    assert aims.paragraphs == [
        "We willen meer dan vijf projecten met partners opzetten en meer afgestudeerden aan de "
        "regio binden."
    ]
    assert actions.bullets == [
        "Samenwerkingsprojecten met kennisinstellingen en bedrijven opzetten;",
        "Het loket voor internationals ondersteunen;",
        "Groningen op beurzen in Duitsland en China presenteren.",
    ]


def test_a_page_without_heading_takes_its_title_from_its_first_line():
    chapter = read("08-begroting-2019-numbered-untitled.txt").chapters[0]
    assert (chapter.code, chapter.title, chapter.line) == ("", "Groningen Kennisstad", 1)
    assert chapter.introduction == [
        "De gemeente werkt met de kennisinstellingen aan een stad die talent aantrekt en vasthoudt."
    ]
    assert chapter.tables[0].label == "" and chapter.tables[0].kind == "performance"


@pytest.mark.django_db
@pytest.mark.parametrize("name", DOCUMENTS)
def test_a_published_layout_imports_with_its_tables_as_printed(name):
    document = read(name)
    report = import_document(printed=document)
    assert report.refusals == []
    stored = {
        (chapter.policy_area.code if document.chapters[0].code else chapter.policy_area.title_nl)
        for chapter in Chapter.objects.select_related("policy_area")
    }
    assert len(stored) == len(document.chapters)
    for chapter in Chapter.objects.all():
        for table in chapter.printed_tables:
            # every row an indicator, but a group heading: none
            assert all(bool(row["indicator"]) != bool(row.get("group")) for row in table["rows"])
    printed_cells = sorted(
        cell.text
        for chapter in document.chapters
        for table in chapter.tables
        for row in table.rows
        for cell in row.cells
    )
    stored_cells = sorted(
        cell["text"]
        for chapter in Chapter.objects.all()
        for table in chapter.printed_tables
        for row in table["rows"]
        for cell in row["cells"]
    )
    assert stored_cells == printed_cells
