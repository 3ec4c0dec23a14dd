"""An erased person's record goes out of the API in its documented shape: the erased language
is null (documented as nullable in the response), the emptied email is the documented empty
string; writing still needs one of the languages."""

import pytest
import yaml

from kennisstad.relations.services import erase_person
from kennisstad.relations.tests.factories import PersonFactory
from kennisstad.tests.test_openapi_schema import COMMITTED

pytestmark = pytest.mark.django_db


def test_an_erased_person_has_a_null_language_as_documented(api_client_for, team_member):
    person = PersonFactory(preferred_language="de")
    erase_person(person=person, user=team_member, reason="Verzoek van betrokkene")
    data = api_client_for(team_member).get(f"/api/v1/people/{person.pk}/").json()
    assert data["preferred_language"] is None
    assert data["email"] == ""
    schema = yaml.safe_load(COMMITTED.read_text())["components"]["schemas"]
    language = schema["Person"]["properties"]["preferred_language"]
    assert {"$ref": "#/components/schemas/NullEnum"} in language["oneOf"]
    assert schema["NullEnum"] == {"enum": [None]}
    email = schema["Person"]["properties"]["email"]
    assert {"type": "string", "maxLength": 0} in email["oneOf"]


def test_a_person_keeps_a_language_and_a_write_needs_a_real_one(api_client_for, team_member):
    person = PersonFactory(preferred_language="fr")
    client = api_client_for(team_member)
    url = f"/api/v1/people/{person.pk}/"
    assert client.get(url).json()["preferred_language"] == "fr"
    refused = client.patch(url, {"preferred_language": None, "version": 1}, format="json")
    assert refused.status_code == 400
    assert "preferred_language" in refused.json()
