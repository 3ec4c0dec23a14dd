"""A partner who organises the activity keeps its attendee list (they run the event), and every
look at an attendee list (page, print, check-in, download, API) is written to the
personal-data access log as people lists are."""

import pytest
from django.urls import reverse

from kennisstad.relations.models import PersonalDataAccess
from kennisstad.relations.tests.factories import PersonFactory

from .factories import RegistrationFactory, RegistrationSettingsFactory, public_activity

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "query", "action", "reason"),
    [
        ("attendees", "", "read", "shown in a list"),
        ("attendees", "?format=csv", "export", "in a list download"),
        ("printable", "", "read", "shown in a list"),
        ("check-in", "", "read", "shown in a list"),
    ],
)
def test_the_organising_partner_sees_the_list_and_it_is_logged(
    client_for, partner_editor, partner_organisation, name, query, action, reason
):
    config = RegistrationSettingsFactory(
        activity=public_activity(organiser_organisation=partner_organisation)
    )
    person = PersonFactory(email="ada@example.org")
    RegistrationFactory(activity=config.activity, email="ada@example.org", person=person)
    RegistrationFactory(activity=config.activity)  # no contact: counted in the event only
    response = client_for(partner_editor).get(
        reverse(f"registrations:{name}", args=[config.activity.pk]) + query
    )
    assert response.status_code == 200
    entries = PersonalDataAccess.objects.filter(person_id=person.pk)
    assert [(e.action, e.reason, e.user) for e in entries] == [(action, reason, partner_editor)]


def test_the_api_list_is_logged(api_client_for, team_member):
    config = RegistrationSettingsFactory()
    person = PersonFactory(email="ada@example.org")
    RegistrationFactory(activity=config.activity, email="ada@example.org", person=person)
    response = api_client_for(team_member).get(
        f"/api/v1/registrations/?activity={config.activity.pk}"
    )
    assert response.status_code == 200
    assert PersonalDataAccess.objects.filter(person_id=person.pk, reason="shown in a list").exists()
