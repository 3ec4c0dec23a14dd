"""Keeping the index of where personal data lives costs nothing on a save that writes no text:
``save(update_fields=[...])`` of a date or a number does not reindex the row (only the new
history row, which holds the texts, is indexed as it is inserted), while one that writes a text
column reindexes the row (its old words deleted, the new ones inserted)."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kennisstad.relations import traces
from kennisstad.relations.models import Person
from kennisstad.relations.tests.factories import PersonFactory
from kennisstad.relations.trace_models import PersonalDataToken

pytestmark = pytest.mark.django_db

INDEX = PersonalDataToken._meta.db_table


def _reindexing(write) -> list[str]:
    """The queries that delete the index entries of a person row (a reindex of the row)."""
    number = ContentType.objects.get_for_model(Person).pk
    with CaptureQueriesContext(connection) as queries:
        write()
    return [
        query["sql"]
        for query in queries.captured_queries
        if query["sql"].lstrip().startswith(f'DELETE FROM "{INDEX}"')
        and f'"model" = {number} ' in query["sql"]
    ]


def test_a_save_of_a_date_does_not_touch_the_index():
    person = PersonFactory()
    person.retain_until = None
    assert _reindexing(lambda: person.save(update_fields=["retain_until"])) == []


def test_a_save_of_a_text_reindexes_the_row():
    person = PersonFactory(job_title="Beleidsadviseur")
    person.job_title = "Havenmeester"
    assert _reindexing(lambda: person.save(update_fields=["job_title"])) != []
    found, _unfindable = traces.candidates(["Havenmeester"])
    assert person.pk in found.get(type(person), set())
