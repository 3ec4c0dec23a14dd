"""What an erasure must keep (a keeper names the record, fields and legal ground) is written
down with its ground, shown on the erased person's page and in the personal-data export."""

import pytest
from django.urls import reverse

from kennisstad.privacy.models import KeptAfterErasure
from kennisstad.relations import personal_data
from kennisstad.relations.personal_data import Kept
from kennisstad.relations.services import erase_person
from kennisstad.relations.tests.factories import InteractionFactory, PersonFactory

pytestmark = pytest.mark.django_db

GROUND = "Archiefwet 1995 art. 3; selectielijst: blijvend te bewaren besluit"


@pytest.fixture
def keeper():
    def keep_decision(person):
        return [
            Kept("relations.interaction", moment.pk, ("subject",), GROUND)
            for moment in person.interactions.filter(subject__startswith="Besluit")
        ]

    personal_data.register_keeper(keep_decision)
    yield
    personal_data.personal_data_keepers.remove(keep_decision)


def test_the_kept_items_are_recorded_with_their_ground(keeper, client_for, team_member):
    person = PersonFactory(first_name="Jan", last_name="Kuiper")
    decision = InteractionFactory(subject="Besluit stedenband")
    decision.people.add(person)
    InteractionFactory(subject="Koffie").people.add(person)

    erase_person(person=person, user=team_member, reason="Verzoek van betrokkene")

    kept = KeptAfterErasure.objects.get(person_id=person.pk)
    assert (kept.model, kept.object_id, kept.fields) == (
        "relations.interaction",
        decision.pk,
        ["subject"],
    )
    assert kept.ground == GROUND
    page = client_for(team_member).get(reverse("relations:person-detail", args=[person.pk]))
    assert GROUND in page.content.decode()
    person.refresh_from_db()
    sections = {s["key"]: s for s in personal_data.collect(person)}
    assert sections["kept_after_erasure"]["rows"][0]["ground"] == GROUND
