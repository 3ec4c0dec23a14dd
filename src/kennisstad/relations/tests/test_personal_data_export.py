"""Everything held about a person, gathered from every app that registered a section, as a
readable page or a JSON file, in the interface and the API; each export is logged with its
reason."""

import json

import pytest
from django.urls import reverse

from kennisstad.agenda.tests.factories import ActivityFactory
from kennisstad.projects.tests.factories import ProjectFactory
from kennisstad.relations import personal_data
from kennisstad.relations.models import PersonalDataAccess
from kennisstad.relations.tests.factories import (
    InteractionFactory,
    OrganisationFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def person():
    person = PersonFactory(first_name="Anna", last_name="de Vries", email="anna@umcg.example")
    person.organisations.add(OrganisationFactory(name="UMCG"))
    InteractionFactory(subject="Kennismaking Healthy Ageing").people.add(person)
    project = ProjectFactory(title_nl="Healthy Ageing Netwerk")
    ActivityFactory(title_nl="Missie naar Tianjin", project=project).people.add(person)
    return person


def test_every_app_contributes_its_section(person):
    sections = {section["key"]: section for section in personal_data.collect(person)}
    assert list(sections) == [
        "profile",
        "organisations",
        "interactions",
        "activities",
        "delegations",
        "registrations",
        "integrity",
        "projects",
        "newsletter",
        "files",
        "history",
        "kept_after_erasure",
    ]
    assert sections["profile"]["rows"][0]["email"] == "anna@umcg.example"
    assert sections["organisations"]["rows"][0]["name"] == "UMCG"
    assert sections["activities"]["rows"][0]["title"] == "Missie naar Tianjin"
    assert sections["projects"]["rows"][0]["title"] == "Healthy Ageing Netwerk"
    assert sections["history"]["rows"][0]["change"]


def test_a_new_app_registers_a_section_without_relations_knowing_it(person):
    personal_data.register_section(
        "example", "Voorbeeld", lambda p: [{"list": "Kennisstad Nieuws"}], order=60
    )
    try:
        keys = [section["key"] for section in personal_data.collect(person)]
        assert keys.index("example") == keys.index("projects") + 1
    finally:
        del personal_data.personal_data_sections["example"]


def test_export_in_the_interface(person, client_for, team_member):
    url = reverse("relations:person-personal-data", args=[person.pk])
    web = client_for(team_member)
    assert web.get(url).status_code == 200
    assert web.post(url, {"reason": "", "format": "html"}).status_code == 400
    assert not PersonalDataAccess.objects.filter(action="export").exists()

    page = web.post(url, {"reason": "Inzageverzoek", "format": "html"})
    assert page.status_code == 200 and "no-store" in page["Cache-Control"]
    text = page.content.decode()
    assert "Missie naar Tianjin" in text and "Kennismaking Healthy Ageing" in text

    download = web.post(url, {"reason": "Inzageverzoek", "format": "json"})
    assert "attachment" in download["Content-Disposition"]
    data = json.loads(download.content)
    assert data["person"] == person.pk
    assert data["sections"]["interactions"][0]["subject"] == "Kennismaking Healthy Ageing"
    log = PersonalDataAccess.objects.filter(person_id=person.pk, action="export")
    assert log.count() == 2 and log.first().reason == "Inzageverzoek"


def test_export_through_the_api(person, api_client_for, team_member, reader, partner_editor):
    url = f"/api/v1/people/{person.pk}/personal-data/"
    assert api_client_for(reader).get(url, {"reason": "x"}).status_code == 403
    assert api_client_for(partner_editor).get(url, {"reason": "x"}).status_code == 403
    assert api_client_for(team_member).get(url).status_code == 400
    response = api_client_for(team_member).get(url, {"reason": "Inzageverzoek"})
    assert response.status_code == 200
    assert response.json()["sections"]["profile"][0]["last_name"] == "de Vries"
    entry = PersonalDataAccess.objects.get(person_id=person.pk, action="export")
    assert entry.user == team_member and entry.reason == "Inzageverzoek"


def test_partners_and_readers_cannot_export(person, client_for, reader, partner_editor):
    url = reverse("relations:person-personal-data", args=[person.pk])
    for outsider in (reader, partner_editor):
        assert client_for(outsider).get(url).status_code == 403
        assert client_for(outsider).post(url, {"reason": "x", "format": "json"}).status_code == 403
