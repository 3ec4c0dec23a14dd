"""Subscribers are personal data: showing the list (page or API) is logged (a named event, and
the access log for addresses that are a person's); the team erases a subscriber who is not a
person, history included; erasing a person removes the subscriptions under every address the
person ever had, rather than scrubbing them (two scrubbed rows would clash)."""

import pytest
from django.urls import reverse

from kennisstad.newsletter.models import Subscriber
from kennisstad.relations.models import REASON_LISTED, PersonalDataAccess
from kennisstad.relations.services import erase_person
from kennisstad.relations.tests.factories import PersonFactory

from .factories import SubscriberFactory

pytestmark = pytest.mark.django_db


def test_the_list_page_is_a_logged_read(team_member, client_for, caplog):
    person = PersonFactory(email="Anna@Example.org")
    SubscriberFactory(email="anna@example.org")
    other = SubscriberFactory(email="los@example.org")
    response = client_for(team_member).get(reverse("newsletter:subscriber-list"))
    assert response.status_code == 200
    assert "newsletter.subscribers.listed" in caplog.text
    assert str(other.pk) in caplog.text and "los@example.org" not in caplog.text
    (row,) = PersonalDataAccess.objects.all()
    assert (row.person_id, row.reason) == (person.pk, REASON_LISTED)


def test_the_api_list_is_a_logged_read(team_member, api_client_for, caplog):
    person = PersonFactory(email="anna@example.org")
    SubscriberFactory(email="anna@example.org")
    response = api_client_for(team_member).get("/api/v1/newsletter-subscribers/")
    assert response.status_code == 200
    assert "newsletter.subscribers.listed" in caplog.text
    assert list(PersonalDataAccess.objects.values_list("person_id", flat=True)) == [person.pk]


def test_the_team_erases_a_subscriber_who_is_not_a_person(team_member, client_for, caplog):
    subscriber = SubscriberFactory(email="weg@example.org")
    client = client_for(team_member)
    url = reverse("newsletter:subscriber-erase")
    assert client.get(url).status_code == 200
    found = client.post(url, {"email": "Weg@example.org"})
    assert found.status_code == 200 and "weg@example.org" in found.text
    assert Subscriber.objects.exists()  # not before it is confirmed
    response = client.post(url, {"email": "weg@example.org", "confirm": "on"})
    assert response.status_code == 302
    assert not Subscriber.objects.exists()
    assert not Subscriber.history.model.objects.filter(id=subscriber.pk).exists()
    assert "newsletter.subscriber.erased" in caplog.text


def test_a_persons_subscription_is_erased_through_the_person(team_member, client_for):
    PersonFactory(email="anna@example.org")
    SubscriberFactory(email="anna@example.org")
    response = client_for(team_member).post(
        reverse("newsletter:subscriber-erase"), {"email": "anna@example.org", "confirm": "on"}
    )
    assert response.status_code == 400
    assert Subscriber.objects.exists()


def test_erasing_a_person_removes_subscriptions_of_old_addresses(team_member):
    person = PersonFactory(email="oud.adres@example.org")
    person.email = "nieuw.adres@example.org"
    person.save()
    SubscriberFactory(email="oud.adres@example.org")
    SubscriberFactory(email="nieuw.adres@example.org")
    other = PersonFactory(email="ander.oud@example.org")
    other.email = "ander.nieuw@example.org"
    other.save()
    SubscriberFactory(email="ander.oud@example.org")
    erase_person(person=person, user=team_member, reason="verzoek")
    erase_person(person=other, user=team_member, reason="verzoek")
    assert not Subscriber.objects.exists()
