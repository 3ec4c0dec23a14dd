"""A delegation member's personal data: part of the person's export, and blanked (function,
form of address) when the person is erased, while the membership itself stays."""

import pytest

from kennisstad.delegations.models import DelegationMember
from kennisstad.delegations.tests.factories import DelegationFactory
from kennisstad.relations.personal_data import collect
from kennisstad.relations.services import erase_person
from kennisstad.relations.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def test_memberships_are_exported_and_blanked_on_erasure(team_member):
    person = PersonFactory(first_name="Li", last_name="Wei")
    delegation = DelegationFactory()
    DelegationMember.objects.create(
        delegation=delegation,
        person=person,
        function="Vicemayor of Tianjin",
        form_of_address="Zijne Excellentie",
        is_head=True,
    )
    section = next(s for s in collect(person) if s["key"] == "delegations")
    assert section["rows"][0]["function"] == "Vicemayor of Tianjin"

    erase_person(person=person, user=team_member, reason="Verzoek van betrokkene")
    member = DelegationMember.objects.get(delegation=delegation)
    assert member.person_id == person.pk and member.is_head  # the delegation keeps its size
    assert (member.function, member.form_of_address) == ("", "")
    assert not DelegationMember.history.filter(function="Vicemayor of Tianjin").exists()
