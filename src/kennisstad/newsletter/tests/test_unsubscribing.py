"""Unsubscribing from a mail: the page's one button (opening the link changes nothing, mail
scanners open links), and RFC 8058's one-click POST without a CSRF token."""

import pytest
from django.urls import reverse

from kennisstad.newsletter import tokens
from kennisstad.newsletter.models import SubscriberStatus

from .factories import SubscriberFactory

pytestmark = pytest.mark.django_db


def test_the_page_unsubscribes_with_its_button_only(client):
    subscriber = SubscriberFactory()
    path = reverse("newsletter:unsubscribe", args=[tokens.unsubscribe_token(subscriber.key)])
    page = client.get(path)
    assert page.status_code == 200 and b'method="post"' in page.content
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.CONFIRMED
    assert client.post(path).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.UNSUBSCRIBED
    assert subscriber.unsubscribed_at is not None
    assert client.post(path).status_code == 200  # twice is fine


def test_one_click_needs_no_csrf_token(client):
    subscriber = SubscriberFactory()
    token = tokens.unsubscribe_token(subscriber.key)
    path = reverse("newsletter:unsubscribe-one-click", args=[token])
    client.handler.enforce_csrf_checks = True
    response = client.post(path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.UNSUBSCRIBED
    assert client.get(path).status_code == 405


def test_a_link_we_did_not_sign_changes_nothing(client):
    subscriber = SubscriberFactory()
    forged = f"{subscriber.key}:forged"
    assert (
        client.post(reverse("newsletter:unsubscribe-one-click", args=[forged])).status_code == 404
    )
    page = client.post(reverse("newsletter:unsubscribe", args=[forged]))
    assert b"This link does not work" in page.content or page.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.CONFIRMED
