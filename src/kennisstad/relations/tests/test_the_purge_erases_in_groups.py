"""The purge erases people in groups (one transaction each) for speed, yet it does what erasing
them one by one would: every trace of each of them gone, history included, a new version with
the reason in the audit trail, one access-log row and one event per person; and a person whose
erasure fails is reported alone while the rest of their group is still erased."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from kennisstad.relations import personal_data, services
from kennisstad.relations.models import (
    REASON_RETENTION_EXPIRED,
    Interaction,
    Person,
    PersonalDataAccess,
    PersonalDataAction,
)
from kennisstad.relations.personal_data import Kept
from kennisstad.relations.tests.factories import InteractionFactory, PersonFactory
from kennisstad.relations.tests.test_erasure_leaves_no_trace import every_value_in_the_database

pytestmark = pytest.mark.django_db

NAMES = [("Gerrit", "Halbertsma"), ("Froukje", "Wijnstra"), ("Eeltsje", "Terpstra")]


@pytest.fixture
def expired(monkeypatch):
    monkeypatch.setattr(services, "PURGE_GROUP", 2)  # three people: a group of two and one
    past = timezone.localdate() - datetime.timedelta(days=1)
    people = []
    for n, (first, last) in enumerate(NAMES):
        person = PersonFactory(
            first_name=first,
            last_name=last,
            email=f"{first.lower()}@{last.lower()}-example.nl",
            phone=f"+31 58 21{n} 4455",
        )
        Person.objects.filter(pk=person.pk).update(retain_until=past)
        interaction = InteractionFactory(notes=f"Gesproken met {first} {last} over Leeuwarden.")
        interaction.people.add(person)
        people.append(person)
    return people


def test_every_person_of_every_group_is_erased_without_a_trace(
    expired, caplog, django_capture_on_commit_callbacks
):
    caplog.set_level("INFO", logger="kennisstad.events")
    kept = PersonFactory(first_name="Sjoukje", last_name="Dijkstra")

    with django_capture_on_commit_callbacks(execute=True):
        report = services.purge_expired()

    assert sorted(report.erased) == sorted(person.pk for person in expired)
    assert report.failed == {}
    for person in Person.objects.filter(pk__in=report.erased):
        assert person.erased_at is not None
        assert person.first_name == person.last_name == person.email == person.phone == ""
        newest = person.history.order_by("-history_id").first()
        assert newest.history_type == "~" and newest.version == person.version
        assert newest.history_change_reason.endswith(REASON_RETENTION_EXPIRED)
    traces = [text for first, last in NAMES for text in (f"{first} {last}", last)]
    left = [
        (table, trace)
        for table, value in every_value_in_the_database()
        for trace in traces
        if trace.lower() in value.lower()
    ]
    assert left == []
    assert Interaction.objects.filter(people__in=expired).count() == len(expired)
    logged = PersonalDataAccess.objects.filter(action=PersonalDataAction.PURGE)
    assert sorted(logged.values_list("person_id", flat=True)) == sorted(report.erased)
    messages = [record.getMessage() for record in caplog.records]
    erased_events = [message for message in messages if message.startswith("privacy.person.erased")]
    assert len(erased_events) == len(expired)
    groups = [message for message in messages if message.startswith("privacy.people.erased")]
    assert len(groups) == 1 and "people=2" in groups[0]  # a group of two, then one of one
    assert not any(message.startswith("privacy.purge.group_failed") for message in messages)
    assert Person.objects.get(pk=kept.pk).first_name == "Sjoukje"


def test_a_failing_person_is_reported_and_the_rest_of_the_group_is_erased(expired, monkeypatch):
    refused = expired[1]

    def refuse(people, needles):
        if any(person.pk == refused.pk for person in people):
            raise ValidationError("kept for a court case")
        return 0

    monkeypatch.setattr(personal_data, "personal_data_erasers", [refuse])
    monkeypatch.setattr("kennisstad.relations.erasure.personal_data_erasers", [refuse])

    report = services.purge_expired()

    assert list(report.failed) == [refused.pk]
    assert "court case" in report.failed[refused.pk]
    assert sorted(report.erased) == sorted(p.pk for p in expired if p.pk != refused.pk)
    assert Person.objects.get(pk=refused.pk).erased_at is None
    assert Person.objects.get(pk=refused.pk).first_name == NAMES[1][0]


def test_a_row_found_by_the_address_loses_the_name_too(team_member):
    person = PersonFactory(first_name="Jan", last_name="Jansen", email="jan@jansen-example.nl")
    moment = InteractionFactory(notes="Mail van jan@jansen-example.nl over Jan Jansens bezoek.")
    moment.people.add(person)

    services.erase_person(person=person, user=team_member, reason="Verzoek")

    moment.refresh_from_db()
    assert "jan@jansen-example.nl" not in moment.notes
    assert "Jan Jansen" not in moment.notes


def test_a_field_kept_for_one_person_loses_the_others_name(expired):
    keeper_of, other = expired[0], expired[1]
    decision = InteractionFactory(
        subject=f"Besluit: {NAMES[0][0]} {NAMES[0][1]} en {NAMES[1][0]} {NAMES[1][1]}"
    )

    def keep_the_decision(people):
        return {
            person.pk: [Kept("relations.interaction", decision.pk, ("subject",), "Archiefwet")]
            for person in people
            if person.pk == keeper_of.pk
        }

    personal_data.register_group_keeper(keep_the_decision)
    try:
        report = services.purge_expired()
    finally:
        personal_data.personal_data_group_keepers.remove(keep_the_decision)

    assert {keeper_of.pk, other.pk} <= set(report.erased)
    decision.refresh_from_db()
    assert f"{NAMES[0][0]} {NAMES[0][1]}" in decision.subject  # kept, with its ground
    assert NAMES[1][1] not in decision.subject  # not kept for the other person
