"""Relations without contact for more than N months, per relationship owner."""

import datetime

import pytest
from django.urls import reverse

from kennisstad.relations.selectors import dormant_relations
from kennisstad.relations.tests.factories import InteractionFactory, OrganisationFactory

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 26)


def test_silent_relations_of_an_owner_longest_silent_first(team_member, second_team_member):
    never = OrganisationFactory(name="Nooit gesproken", relationship_owner=team_member)
    silent = OrganisationFactory(name="Lang stil", relationship_owner=team_member)
    InteractionFactory(happened_on=datetime.date(2026, 3, 1)).organisations.add(silent)
    recent = OrganisationFactory(name="Net gesproken", relationship_owner=team_member)
    InteractionFactory(happened_on=datetime.date(2026, 3, 1)).organisations.add(recent)
    InteractionFactory(happened_on=datetime.date(2026, 10, 1)).organisations.add(recent)
    OrganisationFactory(name="Van een collega", relationship_owner=second_team_member)

    found = dormant_relations(owner=team_member, months=6, today=TODAY)
    assert [(o.name, o.last_contact) for o in found] == [
        (never.name, None),  # never spoken to comes first
        (silent.name, datetime.date(2026, 3, 1)),
    ]
    assert dormant_relations(owner=team_member, months=12, today=TODAY).count() == 1  # never


def test_the_page_shows_another_owners_list_on_request(client_for, team_member, second_team_member):
    OrganisationFactory(name="Stadt Oldenburg", relationship_owner=second_team_member)
    page = client_for(team_member).get(
        reverse("relations:dormant"), {"owner": second_team_member.pk, "months": 3}
    )
    assert page.status_code == 200
    assert [o.name for o in page.context["object_list"]] == ["Stadt Oldenburg"]
