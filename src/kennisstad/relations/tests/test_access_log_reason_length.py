"""The reason for an export goes into the access log, whose column holds 500 characters: a
longer one is refused naming ``reason`` (PostgreSQL answered it with a 500, SQLite stored it)."""

import pytest

from kennisstad.relations.models import PersonalDataAccess
from kennisstad.relations.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def test_a_reason_over_500_characters_is_refused(api_client_for, administrator):
    person = PersonFactory()
    client = api_client_for(administrator)
    url = f"/api/v1/people/{person.pk}/personal-data/"
    refused = client.get(url, {"reason": "x" * 501})
    assert refused.status_code == 400
    assert "reason" in refused.json()
    assert not PersonalDataAccess.objects.filter(reason__startswith="xxx").exists()
    assert client.get(url, {"reason": "x" * 500}).status_code == 200
