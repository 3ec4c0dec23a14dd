"""A confirmation link issued before the address unsubscribed subscribes nobody again; asking to
subscribe an address (unverified) changes nothing stored about it: the consent, language and
themes are stored only when the link is followed."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from kennisstad.newsletter import services, tokens
from kennisstad.newsletter.models import Subscriber, SubscriberStatus

from .factories import SubscriberFactory

pytestmark = pytest.mark.django_db


def test_an_old_confirmation_link_is_refused_after_unsubscribing(client):
    services.subscribe(email="anna@example.org", language="nl", themes=[], consent_text="ja")
    subscriber = Subscriber.objects.get()
    token = tokens.confirm_token(subscriber.key, language="nl", themes=[], consent_text="ja")
    assert services.confirm(token=token) is not None
    assert services.unsubscribe(token=tokens.unsubscribe_token(subscriber.key))

    client.post(reverse("newsletter:confirm", args=[token]))
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.UNSUBSCRIBED

    # A new link, asked for after unsubscribing, works.
    fresh = tokens.confirm_token(subscriber.key, language="en", themes=[], consent_text="ja")
    assert services.confirm(token=fresh) is not None
    subscriber.refresh_from_db()
    assert (subscriber.status, subscriber.language) == (SubscriberStatus.CONFIRMED, "en")


def test_asking_changes_no_stored_consent_until_the_link_is_followed():
    subscriber = SubscriberFactory(
        email="bob@example.org",
        status=SubscriberStatus.UNSUBSCRIBED,
        unsubscribed_at=timezone.now() - datetime.timedelta(days=1),
        consent_text="toestemming versie 1",
    )
    token = tokens.confirm_token(subscriber.key, language="en", themes=[], consent_text="versie 2")
    services.subscribe(email="bob@example.org", language="en", themes=[], consent_text="versie 2")
    subscriber.refresh_from_db()
    assert (subscriber.consent_text, subscriber.language) == ("toestemming versie 1", "nl")
    services.confirm(token=token)
    subscriber.refresh_from_db()
    assert (subscriber.consent_text, subscriber.status) == ("versie 2", SubscriberStatus.CONFIRMED)
