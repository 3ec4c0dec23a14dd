"""An imported chapter's page shows each table as its document prints it: its label as the
caption, its columns with label and year, every cell's text, the footnote marks and the notes;
a chapter Kennisstad writes itself keeps the standard table."""

import pytest
from django.urls import reverse

from kennisstad.planning.models import Chapter
from kennisstad.planning.services import create_document
from kennisstad.planning.tests.factories import (
    PRINTED_FOOTNOTE,
    PRINTED_NOTE,
    PRINTED_TABLES,
    import_printed_tables,
    import_seed,
    tables_in_html,
)

pytestmark = pytest.mark.django_db


def in_english(tables):
    """The tables with the interface's row-number header (English: "No.")."""
    return [
        (label, [["No." if t == "Nr" else t for t in rows[0]], *rows[1:]]) for label, rows in tables
    ]


def test_the_chapter_page_shows_each_table_as_printed(client_for, reader):
    chapter = import_printed_tables()
    web = client_for(reader)
    web.cookies["django_language"] = "en"
    text = web.get(reverse("planning:chapter-detail", args=[chapter.pk])).content.decode()
    assert tables_in_html(text) == in_english(PRINTED_TABLES)
    assert text.count('scope="col"') == 4 + 6 and text.count('scope="row"') == 3
    first_row = chapter.printed_tables[0]["rows"][0]
    assert reverse("indicators:indicator-detail", args=[first_row["indicator"]]) in text
    # The note above the effect table, the footnote under the performance table, each once.
    assert text.count(PRINTED_NOTE) == 1 and text.count(PRINTED_FOOTNOTE) == 1
    assert text.index(PRINTED_FOOTNOTE) < text.index(PRINTED_NOTE) < text.index("Effectindicatoren")


def test_a_chapter_without_printed_tables_keeps_the_standard_table(client_for, reader):
    import_seed()
    imported = Chapter.objects.get()
    next_year = create_document(  # next year's, written in Kennisstad from the imported one
        kind="begroting", year=2019, user=None, copy_from=imported.document
    )
    chapter = next_year.chapters.get()
    assert imported.printed_tables and chapter.printed_tables == []
    text = client_for(reader).get(reverse("planning:chapter-detail", args=[chapter.pk]))
    [(_caption, rows)] = tables_in_html(text.content.decode())
    assert (
        rows[1][1:] and rows[1][0] == "Aantal samenwerkingsprojecten op gebied van Kennis/innovatie"
    )
    assert len(rows[0]) == 5  # the name and the four columns of the standard layout
