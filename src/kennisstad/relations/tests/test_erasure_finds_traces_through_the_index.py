"""Erasure finds a person's traces through the index of where personal data lives, kept current
on every write: saves, bulk inserts and ``QuerySet.update()`` alike; it scans no table."""

import datetime

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kennisstad.agenda.models import Activity
from kennisstad.agenda.tests.factories import ActivityFactory
from kennisstad.relations import traces
from kennisstad.relations.models import Interaction, Person, PersonalDataToken
from kennisstad.relations.services import erase_person, save_interaction
from kennisstad.relations.tests.factories import InteractionFactory, PersonFactory
from kennisstad.relations.tests.test_erasure_leaves_no_trace import every_value_in_the_database

pytestmark = pytest.mark.django_db

NAME = "Geertruida Zuidhorn-Ploeger"


def occurrences(*texts) -> list[str]:
    return [
        f"{table}: {text}"
        for table, value in every_value_in_the_database()
        for text in texts
        if text.lower() in value.lower()
    ]


@pytest.fixture
def person():
    return PersonFactory(
        first_name="Geertruida",
        last_name="Zuidhorn-Ploeger",
        email="g.zuidhorn@ploeger-example.nl",
        phone="+31 50 811 2233",
    )


def rows_found(model, text: str) -> set:
    found, _ = traces.candidates([text])
    return found.get(model, set())


def test_a_name_written_by_queryset_update_is_found(person, team_member):
    interaction = InteractionFactory(subject="Overleg")
    Interaction.objects.filter(pk=interaction.pk).update(notes=f"Met {NAME}, bel +31 50 811 2233")
    erase_person(person=person, user=team_member, reason="Verzoek")
    assert occurrences(NAME, "Zuidhorn", "811 2233") == []


def test_a_name_written_by_a_bulk_insert_is_found(person, team_member):
    Interaction.objects.bulk_create(
        [
            Interaction(
                happened_on=datetime.date(2026, 3, 1),
                kind="call",
                subject=f"Mail aan g.zuidhorn@ploeger-example.nl ({n})",
            )
            for n in range(3)
        ]
    )
    erase_person(person=person, user=team_member, reason="Verzoek")
    assert occurrences("g.zuidhorn@ploeger-example.nl") == []


def test_a_row_that_no_longer_names_the_person_drops_out(person, team_member):
    interaction = InteractionFactory(subject="Overleg")
    interaction.notes = f"Gesproken met {NAME}."
    save_interaction(interaction=interaction, user=team_member, expected_version=1)
    assert interaction.pk in rows_found(Interaction, NAME)

    interaction.notes = "Gesproken met de decaan."
    save_interaction(interaction=interaction, user=team_member, expected_version=2)
    assert interaction.pk not in rows_found(Interaction, NAME)
    history = Interaction.history.model
    assert rows_found(history, NAME)  # the older version still names them, until the erasure


def test_the_index_survives_a_rebuild(person, team_member):
    ActivityFactory(description_nl=f"Ontvangst door {NAME.upper()}")
    before = PersonalDataToken.objects.count()
    call_command("reindex-personal-data", verbosity=0)
    assert PersonalDataToken.objects.count() == before
    assert rows_found(Activity, NAME)
    erase_person(person=Person.objects.get(pk=person.pk), user=team_member, reason="Verzoek")
    assert occurrences(NAME, "Zuidhorn") == []


def test_erased_words_leave_the_index(person, team_member):
    activity = ActivityFactory(description_nl=f"Ontvangst door {NAME}")
    erase_person(person=person, user=team_member, reason="Verzoek")
    assert activity.pk not in rows_found(Activity, NAME)
    assert not PersonalDataToken.objects.filter(token=traces.hashed("zuidhorn")).exists()


def test_erasure_scans_no_column(person, team_member):
    ActivityFactory(description_nl=f"Ontvangst door {NAME}")
    with CaptureQueriesContext(connection) as queries:
        erase_person(person=person, user=team_member, reason="Verzoek")
    scans = [q["sql"] for q in queries.captured_queries if " LIKE " in q["sql"].upper()]
    assert scans == []


def test_words_are_folded_like_the_case_insensitive_match():
    assert traces.words("ÉLISE Ströh-Müller, e.s@Example.NL") >= {
        "élise",
        "ströh",
        "müller",
        "e.s@example.nl",
    }
    assert traces.words("Straße") == traces.words("STRASSE")
