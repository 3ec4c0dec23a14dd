"""The reason typed for reading or erasing personal data goes into the access log; a NUL
character (which PostgreSQL refuses in text) is refused with an error on the reason, by the
service whoever calls it, and by the API before that (a 400, not a server error)."""

import pytest
from django.core.exceptions import ValidationError

from kennisstad.relations.models import PersonalDataAccess
from kennisstad.relations.services import erase_person, record_export
from kennisstad.relations.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("write", [record_export, erase_person])
def test_the_service_refuses_the_reason(write, team_member):
    person = PersonFactory()
    with pytest.raises(ValidationError) as refused:
        write(person=person, user=team_member, reason="inzage\x00verzoek")
    assert "reason" in refused.value.message_dict
    assert not PersonalDataAccess.objects.filter(person_id=person.pk).exists()


def test_the_api_answers_400(api_client_for, team_member):
    person = PersonFactory()
    response = api_client_for(team_member).get(
        f"/api/v1/people/{person.pk}/personal-data/", {"reason": "inzage\x00verzoek"}
    )
    assert response.status_code == 400
    assert not PersonalDataAccess.objects.filter(person_id=person.pk, action="export").exists()
