"""A public body cannot rely on legitimate interest for its tasks (AVG art. 6(1), last
sentence): a contact person saved with it and no written justification is refused with a
clear error and nothing is stored; a declared processing activity that is a public task cannot
use it at all; legal obligation is offered."""

import pytest
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.urls import reverse

from kennisstad.privacy.lawful_basis import LawfulBasis
from kennisstad.privacy.registry import processing_activities, register_processing_activity
from kennisstad.relations.forms import PersonForm
from kennisstad.relations.models import Person
from kennisstad.relations.services import save_person

pytestmark = pytest.mark.django_db


def _person(**extra) -> Person:
    return Person(
        first_name="Anna", last_name="Bakker", lawful_basis="legitimate_interest", **extra
    )


def test_legitimate_interest_without_justification_is_refused(team_member):
    with pytest.raises(ValidationError) as refused:
        save_person(person=_person(), user=team_member)
    assert "lawful_basis" in refused.value.message_dict
    assert "not a public task" in refused.value.message_dict["lawful_basis"][0]
    assert not Person.objects.exists()


def test_legitimate_interest_with_a_justification_is_accepted(team_member):
    justification = "A commercial sponsor's contact for the reception, not a municipal task."
    person = save_person(person=_person(lawful_basis_justification=justification), user=team_member)
    assert Person.objects.get(pk=person.pk).lawful_basis_justification == justification


def test_the_page_shows_the_error_and_keeps_nothing(client_for, team_member):
    response = client_for(team_member).post(
        reverse("relations:person-create"),
        {
            "first_name": "Anna",
            "last_name": "Bakker",
            "preferred_language": "nl",
            "lawful_basis": "legitimate_interest",
        },
    )
    assert response.status_code == 200
    assert "lawful_basis" in response.context["form"].errors
    assert not Person.objects.exists()


def test_legal_obligation_and_the_other_public_bases_are_offered():
    offered = dict(PersonForm().fields["lawful_basis"].choices)
    for basis in ("public_task", "legal_obligation", "consent", "contract", "vital_interests"):
        assert basis in offered


def test_a_public_task_cannot_be_declared_on_legitimate_interest():
    with pytest.raises(ImproperlyConfigured, match="legitimate interest"):
        register_processing_activity(
            "test.wrong",
            "Wrong",
            purposes="x",
            data_subjects="x",
            personal_data="x",
            lawful_basis=LawfulBasis.LEGITIMATE_INTEREST,
            recipients="x",
            transfers="x",
            justification="A long enough justification for the test.",
        )
    assert "test.wrong" not in processing_activities
