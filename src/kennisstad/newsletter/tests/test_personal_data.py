"""Subscribers are personal data like everyone else: a person's export shows the subscription
under their email address, and the erasure leaves no trace of it, history tables included.
Retention removes never-confirmed and long-unsubscribed addresses the same way."""

import datetime

import pytest
from django.db import connection
from django.utils import timezone

from kennisstad.newsletter.models import Delivery, Subscriber
from kennisstad.newsletter.services import purge_subscribers, start_sending, unsubscribe
from kennisstad.newsletter.tokens import unsubscribe_token
from kennisstad.relations.personal_data import collect
from kennisstad.relations.services import erase_person
from kennisstad.relations.tests.factories import PersonFactory

from .factories import EditionFactory, SubscriberFactory

pytestmark = pytest.mark.django_db
EMAIL = "w.oosterbroek@zandvoort-example.nl"


def traces_of(text: str) -> list[str]:
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            for row in cursor.fetchall():
                if any(value is not None and text in str(value).lower() for value in row):
                    found.append(table)
    return found


def test_the_export_shows_the_subscription(team_member):
    person = PersonFactory(email=EMAIL.upper())
    SubscriberFactory(email=EMAIL, language="en")
    (section,) = [s for s in collect(person) if s["key"] == "newsletter"]
    assert section["rows"][0]["email"] == EMAIL
    assert section["rows"][0]["language"] == "en"


def test_erasure_leaves_no_trace_of_the_subscription(team_member):
    person = PersonFactory(email=EMAIL)
    subscriber = SubscriberFactory(email=EMAIL)
    subscriber.language = "en"
    subscriber.save()  # a second history row
    start_sending(edition=EditionFactory(), user=team_member)
    assert "newsletter_historicalsubscriber" in traces_of(EMAIL)
    erase_person(person=person, user=team_member, reason="Verzoek van betrokkene")
    assert traces_of(EMAIL.lower()) == []
    assert not Subscriber.objects.exists()
    assert Delivery.objects.get().subscriber is None  # the edition's count stays


def test_retention_removes_the_unconfirmed_and_the_long_unsubscribed(settings):
    settings.NEWSLETTER_PENDING_RETENTION_DAYS = 14
    settings.NEWSLETTER_UNSUBSCRIBED_RETENTION_DAYS = 30
    now = timezone.now()
    old_pending = SubscriberFactory(email="oud@example.org", status="pending")
    Subscriber.objects.filter(pk=old_pending.pk).update(
        created_at=now - datetime.timedelta(days=15)
    )
    SubscriberFactory(email="nieuw@example.org", status="pending")
    gone = SubscriberFactory(email="weg@example.org")
    unsubscribe(token=unsubscribe_token(gone.key))
    recent = SubscriberFactory(email="onlangs@example.org")
    unsubscribe(token=unsubscribe_token(recent.key))
    Subscriber.objects.filter(pk=gone.pk).update(unsubscribed_at=now - datetime.timedelta(days=31))
    SubscriberFactory(email="blijft@example.org")

    assert purge_subscribers(now=now) == {"pending": 1, "unsubscribed": 1}
    assert sorted(Subscriber.objects.values_list("email", flat=True)) == [
        "blijft@example.org",
        "nieuw@example.org",
        "onlangs@example.org",
    ]
    assert traces_of("oud@example.org") == [] and traces_of("weg@example.org") == []
