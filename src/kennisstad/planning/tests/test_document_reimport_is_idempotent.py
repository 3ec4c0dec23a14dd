"""Importing the same document again changes nothing and duplicates nothing; a changed text
updates this document's own records, never another document's."""

import pytest

from kennisstad.indicators.models import Indicator, Realisation, Target
from kennisstad.planning.document_import import import_document
from kennisstad.planning.models import Action, Chapter, Section
from kennisstad.planning.tests.factories import (
    BEGROTING_2018,
    JAARSTUKKEN_2017,
    printed_chapter,
    printed_document,
    printed_table,
)

pytestmark = pytest.mark.django_db


def document(value="2", target="> 5"):
    table = printed_table(BEGROTING_2018, {"Aantal projecten": [value, target]})
    chapter = printed_chapter("2.1.4", "Kennisstad", table, actions=["Doen."])
    return printed_document("begroting", 2018, chapter)


def counts():
    return [m.objects.count() for m in (Indicator, Realisation, Target, Chapter, Section, Action)]


def test_the_same_document_twice_gives_the_same_records():
    import_document(printed=document())
    before = counts()
    tables = Chapter.objects.get().printed_tables
    report = import_document(printed=document())
    assert counts() == before == [1, 1, 1, 1, 3, 1]
    assert Chapter.objects.get().printed_tables == tables
    assert not report.created and not report.changed and not report.conflicts


def test_a_changed_text_updates_only_this_documents_records(english):
    import_document(printed=document())
    other = printed_table(JAARSTUKKEN_2017, {"Aantal projecten": ["2", "4"]})
    import_document(
        printed=printed_document("jaarstukken", 2017, printed_chapter("2.1.4", "Kennisstad", other))
    )
    report = import_document(printed=document(value="3", target="> 6"))
    assert len(report.changed) == 3  # the value, the target and the printed table
    mine = Realisation.objects.get(year=2016, source_document__kind="begroting")
    theirs = Realisation.objects.get(year=2016, source_document__kind="jaarstukken")
    assert (mine.value, theirs.value) == (3, 2)
    assert Target.objects.get().display_text == "> 6"
    assert (
        Chapter.objects.get(document__kind="begroting").printed_tables[0]["rows"][0]["cells"][0][
            "text"
        ]
        == "3"
    )
