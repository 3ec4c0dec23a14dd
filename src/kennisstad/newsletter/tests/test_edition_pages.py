"""The team composes an edition, previews it per language, sends a test, then sends it; partners,
readers and visitors see none of it."""

import datetime

import pytest
from django.core import mail
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from kennisstad.agenda.tests.factories import ActivityFactory
from kennisstad.newsletter.models import Delivery, Edition, EditionStatus

from .factories import EditionFactory, SubscriberFactory

pytestmark = pytest.mark.django_db


def public_activity(title: str, **extra):
    starts = timezone.now() + datetime.timedelta(days=10)
    return ActivityFactory(
        title_nl=title,
        title_en=f"{title} (en)",
        visibility="public",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        **extra,
    )


def test_compose_preview_test_and_send(client_for, team_member):
    public_activity("Open dag Zernike")
    ActivityFactory(title_nl="Intern overleg", visibility="internal")
    SubscriberFactory(language="en")
    SubscriberFactory(language="nl")
    client = client_for(team_member)
    today = timezone.localdate()
    response = client.post(
        reverse("newsletter:edition-create"),
        {
            "subject_nl": "Nieuwsbrief",
            "subject_en": "Newsletter",
            "intro_nl": "Hallo",
            "intro_en": "Hello",
            "body_nl": "",
            "body_en": "",
            "activities_from": today.isoformat(),
            "activities_until": (today + datetime.timedelta(days=30)).isoformat(),
        },
    )
    assert response.status_code == 302
    edition = Edition.objects.get()
    assert edition.history.count() == 1
    preview = client.get(reverse("newsletter:edition-preview", args=[edition.pk, "en"]))
    assert b"Open dag Zernike (en)" in preview.content
    assert b"Intern overleg" not in preview.content
    assert (
        client.get(reverse("newsletter:edition-preview", args=[edition.pk, "de"])).status_code
        == 404
    )
    client.post(
        reverse("newsletter:edition-test", args=[edition.pk]),
        {"email": "test@example.org", "language": "nl"},
    )
    assert [m.to for m in mail.outbox] == [["test@example.org"]]
    assert "Open dag Zernike" in mail.outbox[0].body
    assert not Delivery.objects.exists()
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(reverse("newsletter:edition-send", args=[edition.pk]))
    edition.refresh_from_db()
    assert edition.status == EditionStatus.SENT
    assert len(mail.outbox) == 3
    english = next(m for m in mail.outbox[1:] if m.subject == "Newsletter")
    assert "Open dag Zernike (en)" in english.body
    page = client.get(edition.get_absolute_url())
    assert page.context["deliveries"]["sent"] == 2
    # Sent is sent: no second sending, no more changes.
    client.post(reverse("newsletter:edition-send", args=[edition.pk]))
    assert Delivery.objects.count() == 2
    assert client.get(reverse("newsletter:edition-update", args=[edition.pk])).status_code == 403


def test_a_subscriber_of_themes_gets_the_activities_of_those_themes(client_for, team_member):
    from kennisstad.core.models import Theme

    energy, ageing = Theme.objects.order_by("pk")[:2]
    public_activity("Energiecongres").themes.add(energy)
    public_activity("Ageing summit").themes.add(ageing)
    public_activity("Receptie")  # no theme: for everyone
    SubscriberFactory(email="energie@example.org").themes.add(energy)
    edition = EditionFactory()
    with TestCase.captureOnCommitCallbacks(execute=True):
        client_for(team_member).post(reverse("newsletter:edition-send", args=[edition.pk]))
    (message,) = mail.outbox
    assert "Energiecongres" in message.body and "Receptie" in message.body
    assert "Ageing summit" not in message.body


def test_only_the_team_opens_the_newsletter_pages(client_for, partner_editor, reader, client):
    edition = EditionFactory()
    urls = [
        reverse("newsletter:edition-list"),
        reverse("newsletter:subscriber-list"),
        reverse("newsletter:edition-detail", args=[edition.pk]),
        reverse("newsletter:edition-preview", args=[edition.pk, "nl"]),
    ]
    for user in (partner_editor, reader):
        signed_in = client_for(user)
        assert [signed_in.get(url).status_code for url in urls] == [403] * len(urls)
        assert (
            signed_in.post(reverse("newsletter:edition-send", args=[edition.pk])).status_code == 403
        )
    assert all(client.get(url).status_code == 302 for url in urls)


def test_the_subscriber_list_counts_per_status(client_for, team_member):
    SubscriberFactory()
    SubscriberFactory(status="pending")
    page = client_for(team_member).get(reverse("newsletter:subscriber-list"))
    assert page.context["counts"] == {"pending": 1, "confirmed": 1, "unsubscribed": 0}
