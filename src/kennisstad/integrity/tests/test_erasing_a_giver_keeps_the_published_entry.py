"""Must show: erasing a person named as the giver in a published gifts-register entry
anonymises everything else about them, and keeps what the published entry requires (the giver's
name as published) with its legal ground, which is recorded on the entry and counted in the
erasure's log event. An entry that is not published (EUR 50, or a period still running) loses
the name like everything else."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from kennisstad.core.tests.events import listen, logged
from kennisstad.integrity.personal_data import GROUND
from kennisstad.relations.models import Person
from kennisstad.relations.personal_data import kept_for
from kennisstad.relations.services import erase_person, save_interaction
from kennisstad.relations.tests.factories import InteractionFactory, PersonFactory
from kennisstad.relations.tests.test_erasure_leaves_no_trace import every_value_in_the_database

from .factories import GiftReceivedFactory

pytestmark = pytest.mark.django_db

FIRST, LAST = "Wilhelmina", "Oosterbroek-Zandvoort"
EMAIL = "w.oosterbroek@zandvoort-example.nl"
PUBLISHED_NAME = f"{FIRST} {LAST}, vice-burgemeester van Tianjin"


@pytest.fixture
def giver(team_member):
    person = PersonFactory(first_name=FIRST, last_name=LAST, email=EMAIL, job_title="Directeur")
    interaction = InteractionFactory(notes=f"Gesproken met {FIRST} {LAST} ({EMAIL}).")
    save_interaction(interaction=interaction, user=team_member, expected_version=1, people=[person])
    published = GiftReceivedFactory(
        giver_person=person,
        giver_name=PUBLISHED_NAME,
        description_nl=f"Porseleinen vaas, aangeboden door {FIRST} {LAST}",
        received_on=datetime.date(2025, 2, 14),
        estimated_value=Decimal("350.00"),
    )
    small = GiftReceivedFactory(
        giver_person=person,
        giver_name=f"{FIRST} {LAST}",
        received_on=datetime.date(2025, 2, 14),
        estimated_value=Decimal("50.00"),
        disposition="kept",
    )
    running = GiftReceivedFactory(
        giver_person=person, giver_name=f"{FIRST} {LAST}", received_on=timezone.localdate()
    )
    return {"person": person, "published": published, "small": small, "running": running}


def places_of(trace: str) -> set[str]:
    return {table for table, value in every_value_in_the_database() if trace in value.lower()}


def test_the_published_entry_keeps_the_name_and_nothing_else_does(giver, team_member):
    person, published = giver["person"], giver["published"]
    assert {"relations_person", "relations_interaction"} <= places_of(LAST.lower())

    erase_person(person=person, user=team_member, reason="Verzoek per mail")

    published.refresh_from_db()
    assert published.giver_name == PUBLISHED_NAME  # the register as it was published
    assert published.giver_person_id is None
    assert published.erasure_note == GROUND and "17(3)(b)" in GROUND
    assert LAST not in published.description_nl  # only what the entry requires is kept
    for entry in (giver["small"], giver["running"]):
        entry.refresh_from_db()
        assert LAST not in entry.giver_name and entry.giver_person_id is None
    # Everywhere else the person is gone: their record, the contact moment, the history rows.
    assert places_of(LAST.lower()) == {"integrity_giftreceived"}
    assert places_of(EMAIL) == set()
    rows = [
        value
        for table, value in every_value_in_the_database()
        if table == "integrity_giftreceived" and LAST.lower() in value.lower()
    ]
    assert rows == [PUBLISHED_NAME]
    assert Person.objects.get(pk=person.pk).erased_at is not None


def test_the_ground_is_named_before_and_counted_in_the_log(
    giver, team_member, caplog, django_capture_on_commit_callbacks
):
    person = giver["person"]
    [kept] = kept_for(person)
    assert (kept.model, kept.pk, kept.fields) == (
        "integrity.giftreceived",
        giver["published"].pk,
        ("giver_name",),
    )
    assert kept.ground == GROUND
    listen(caplog)
    with django_capture_on_commit_callbacks(execute=True):
        erase_person(person=person, user=team_member, reason="Verzoek per mail")
    [event] = logged(caplog, "privacy.person.erased")
    assert event["kept_by_app"] == {"integrity": 1}
    assert event["erased_by_app"]["integrity"] >= 3
