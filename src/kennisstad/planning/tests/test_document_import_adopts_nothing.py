"""Importing a document records what it prints and adopts nothing: it is published
(gepubliceerd) as the municipality published it, with no adoption date and no frozen table; a
publication date only when one is given."""

import datetime

import pytest

from kennisstad.core.tests.events import logged
from kennisstad.planning.document_import import import_document
from kennisstad.planning.models import Chapter
from kennisstad.planning.tests.factories import (
    BEGROTING_2018,
    printed_chapter,
    printed_document,
    printed_table,
)
from kennisstad.policy.models import Document, DocumentStatus

pytestmark = pytest.mark.django_db


def document():
    table = printed_table(BEGROTING_2018, {"A": ["1", "> 2"]})
    return printed_document("begroting", 2018, printed_chapter("2.1.4", "K", table))


def test_an_imported_document_is_not_adopted(caplog):
    import_document(printed=document())
    stored = Document.objects.get()
    assert stored.imported and stored.status == DocumentStatus.PUBLISHED
    assert stored.adopted_on is None and stored.decision_number == ""
    assert stored.published_on is None and not stored.is_adopted
    assert Chapter.objects.get().frozen_table is None
    assert "publication.document.adopted" not in caplog.text


def test_the_publication_date_given_is_kept():
    import_document(printed=document(), published_on=datetime.date(2017, 11, 9))
    assert Document.objects.get().published_on == datetime.date(2017, 11, 9)
    import_document(printed=document())  # again, without a date: it stays
    assert Document.objects.get().published_on == datetime.date(2017, 11, 9)


def test_one_import_document_event_is_logged(caplog, django_capture_on_commit_callbacks):
    with (
        caplog.at_level("INFO", logger="kennisstad.events"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        import_document(printed=document())
    [event] = logged(caplog, "import.document")
    assert (event["chapters"], event["indicators"], event["values"]) == (1, 1, 2)
    assert (event["kind"], event["year"], event["refusals"]) == ("begroting", 2018, 0)
