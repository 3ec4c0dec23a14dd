"""Erasure leaves no trace in the corners: the history of a record merged into the person,
names and addresses the person had before, calendar feeds already fetched, the search index;
and a spreadsheet cannot fill an erased person in again."""

import pytest
from django.urls import reverse

from kennisstad.agenda.tests.factories import ActivityFactory
from kennisstad.core.spreadsheets import ImportRefused
from kennisstad.relations.models import Person
from kennisstad.relations.services import erase_person, merge_records, save_person
from kennisstad.relations.tests.factories import InteractionFactory, PersonFactory
from kennisstad.relations.tests.test_erasure_leaves_no_trace import every_value_in_the_database
from kennisstad.relations.tests.test_spreadsheet_import import xlsx
from kennisstad.search.selectors import search
from kennisstad.workspace.imports import import_file

pytestmark = pytest.mark.django_db


def occurrences(*texts) -> list[str]:
    return [
        f"{table}: {text}"
        for table, value in every_value_in_the_database()
        for text in texts
        if text.lower() in value.lower()
    ]


def test_the_history_of_a_record_merged_into_the_person_goes_too(team_member):
    kept = PersonFactory(first_name="Ingeborg", last_name="Wiersma-Tuinstra")
    twin = PersonFactory(
        first_name="Inge", last_name="Wiersma-Tuinstra", email="inge.wiersma@old-example.nl"
    )
    merge_records(kept=kept, removed=twin, user=team_member)
    erase_person(person=Person.objects.get(pk=kept.pk), user=team_member, reason="Verzoek")
    assert occurrences("Wiersma-Tuinstra", "inge.wiersma@old-example.nl") == []


def test_an_earlier_email_written_in_a_note_goes_too(team_member):
    person = PersonFactory(first_name="Jelle", last_name="Hoekstra", email="j.h@old-example.nl")
    InteractionFactory(subject="Mail van j.h@old-example.nl over de beurs")
    person.email = "jelle@new-example.nl"
    save_person(person=person, user=team_member, expected_version=person.version)
    erase_person(person=person, user=team_member, reason="Verzoek")
    assert occurrences("j.h@old-example.nl", "jelle@new-example.nl", "Jelle Hoekstra") == []


def test_a_feed_fetched_before_the_erasure_changes(client, team_member):
    person = PersonFactory(first_name="Sietske", last_name="Dijkstra")
    ActivityFactory(
        title_nl="Lezing", visibility="public", description_nl="Met Sietske Dijkstra (RUG)."
    )
    url = reverse("agenda:public-feed")
    before = client.get(url)
    assert b"Sietske Dijkstra" in before.content
    erase_person(person=person, user=team_member, reason="Verzoek")
    after = client.get(url, HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200 and b"Dijkstra" not in after.content
    assert b"SEQUENCE:1" in after.content  # subscribed calendars take the new text


def test_search_no_longer_finds_the_person_or_records_naming_them(team_member):
    person = PersonFactory(first_name="Tjitske", last_name="Zwaagstra")
    ActivityFactory(title_nl="Bezoek", description_nl="Ontvangst door Tjitske Zwaagstra.")
    assert sum(r.total for r in search(user=team_member, query="zwaagstra")) == 2
    erase_person(person=person, user=team_member, reason="Verzoek")
    assert sum(r.total for r in search(user=team_member, query="zwaagstra")) == 0
    assert sum(r.total for r in search(user=team_member, query="ontvangst")) == 1  # reindexed


def test_a_spreadsheet_cannot_fill_an_erased_person_in_again(team_member):
    person = PersonFactory(first_name="Hylke", last_name="Bosma")
    erase_person(person=person, user=team_member, reason="Verzoek")
    rows = [["ID", "Voornaam", "Achternaam", "E-mail"], [person.pk, "Hylke", "Bosma", "h@b.nl"]]
    with pytest.raises(ImportRefused) as refused:
        import_file(data=xlsx(rows), filename="p.xlsx", kind="people", user=team_member)
    assert "rij 2" in str(refused.value)
    assert Person.objects.get(pk=person.pk).first_name == ""
