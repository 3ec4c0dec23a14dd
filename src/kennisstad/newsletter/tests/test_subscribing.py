"""Subscribing on the portal: double opt-in by a signed, expiring link; the same answer whether
the address is known or not; a honeypot and per-address and per-client limits."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import TestCase
from django.urls import reverse

from kennisstad.core.models import Theme
from kennisstad.newsletter.models import Subscriber, SubscriberStatus

from .factories import SubscriberFactory

pytestmark = pytest.mark.django_db
CONFIRM = re.compile(r"https?://\S+/newsletter/confirm/\S+/")


@pytest.fixture(autouse=True)
def _fresh_limits():
    cache.clear()


def ask(client, email="Anna@Example.org ", **extra):
    data = {"email": email, "language": "en", "consent": "on", **extra}
    with TestCase.captureOnCommitCallbacks(execute=True):  # the mail goes once committed
        return client.post(reverse("newsletter:subscribe"), data)


def confirm_path(message) -> str:
    return urlsplit(CONFIRM.search(message.body).group(0)).path


def test_subscribing_needs_the_link_in_the_mail(client):
    theme = Theme.objects.order_by("pk").first()
    response = ask(client, themes=[theme.pk])
    assert response.status_code == 302
    assert response.url == reverse("newsletter:subscribe-sent")
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "anna@example.org"
    assert subscriber.status == SubscriberStatus.PENDING
    assert not subscriber.consent_text  # stored when the link is followed
    (message,) = mail.outbox
    assert message.to == ["anna@example.org"]
    assert "?lang=en" in message.body  # the mail and its page in the language asked for
    path = confirm_path(message)
    assert client.get(path).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.PENDING  # opening the link is not confirming
    assert client.post(path).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.CONFIRMED
    assert subscriber.language == "en"
    assert list(subscriber.themes.all()) == [theme]
    assert subscriber.confirmed_at is not None
    assert subscriber.consent_text
    assert subscriber.history.count() >= 2  # the audit trail of the subscription


def test_a_known_address_gets_the_same_answer_and_a_new_link(client):
    SubscriberFactory(email="anna@example.org", language="nl")
    response = ask(client)
    assert response.status_code == 302
    assert response.url == reverse("newsletter:subscribe-sent")
    assert len(mail.outbox) == 1
    subscriber = Subscriber.objects.get()
    assert subscriber.language == "nl"  # unchanged until the link is followed
    client.post(confirm_path(mail.outbox[0]))
    subscriber.refresh_from_db()
    assert subscriber.language == "en"


def test_a_forged_or_old_link_confirms_nothing(client, settings):
    ask(client)
    path = confirm_path(mail.outbox[0])
    assert b"This link does not work" not in client.get(path).content
    tampered = path.replace("/confirm/", "/confirm/x")
    client.post(tampered)
    assert Subscriber.objects.get().status == SubscriberStatus.PENDING
    settings.NEWSLETTER_CONFIRM_DAYS = -1
    client.post(path)
    assert Subscriber.objects.get().status == SubscriberStatus.PENDING


def test_a_robot_filling_the_honeypot_gets_the_answer_but_no_mail(client):
    response = ask(client, website="http://spam.example")
    assert response.status_code == 302
    assert mail.outbox == []
    assert not Subscriber.objects.exists()


def test_one_address_is_mailed_at_most_a_few_times_an_hour(client, settings):
    settings.NEWSLETTER_SUBSCRIBE_PER_ADDRESS = 2
    for _ in range(4):
        assert ask(client).status_code == 302
    assert len(mail.outbox) == 2


def test_one_client_asking_too_often_is_refused(client, settings):
    settings.NEWSLETTER_SUBSCRIBE_PER_CLIENT = 2
    ask(client, email="a@example.org")
    ask(client, email="b@example.org")
    response = ask(client, email="c@example.org")
    assert response.status_code == 429
    assert len(mail.outbox) == 2


def test_consent_is_required(client):
    response = client.post(
        reverse("newsletter:subscribe"), {"email": "a@example.org", "language": "nl"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["consent"]
    assert mail.outbox == []
