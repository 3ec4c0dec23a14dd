"""The activities an edition lists are fixed when sending starts: a batch sent later (resumed
after a stop) lists the same ones, whatever was added to the calendar meanwhile."""

import pytest
from django.core import mail

from kennisstad.newsletter.sending import send_batch
from kennisstad.newsletter.services import start_sending

from .factories import EditionFactory, SubscriberFactory
from .test_edition_pages import public_activity

pytestmark = pytest.mark.django_db


def test_every_batch_lists_the_activities_of_when_sending_started(team_member):
    public_activity("Handelsmissie Gdansk")
    SubscriberFactory()
    SubscriberFactory()
    edition = EditionFactory()
    start_sending(edition=edition, user=team_member)
    send_batch(edition_id=edition.pk, size=1)
    public_activity("Later toegevoegd bezoek")
    send_batch(edition_id=edition.pk, size=1)

    first, second = (message.body for message in mail.outbox)
    assert "Handelsmissie Gdansk" in first and "Handelsmissie Gdansk" in second
    assert "Later toegevoegd bezoek" not in second
    edition.refresh_from_db()
    assert len(edition.activity_ids) == 1
