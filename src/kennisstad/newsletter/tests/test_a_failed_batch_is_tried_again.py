"""A batch in which every mail failed for now (the server said "try later") is queued again
after a pause that grows with the attempts; the chain stops only when nothing is pending."""

from smtplib import SMTPDataError

import pytest
from django.core.mail.backends.locmem import EmailBackend

from kennisstad.newsletter import tasks
from kennisstad.newsletter.models import Delivery, DeliveryStatus, EditionStatus
from kennisstad.newsletter.services import start_sending

from .factories import EditionFactory, SubscriberFactory

pytestmark = pytest.mark.django_db


class TryLaterBackend(EmailBackend):
    def send_messages(self, messages):
        raise SMTPDataError(451, b"try again later")


def test_an_all_failed_batch_is_queued_again_with_a_pause(settings, team_member, monkeypatch):
    settings.EMAIL_BACKEND = f"{__name__}.TryLaterBackend"
    settings.NEWSLETTER_MAX_ATTEMPTS = 3
    queued = []
    monkeypatch.setattr(tasks, "_in_process", lambda: False)
    monkeypatch.setattr(
        tasks, "_queue_next", lambda pk, lease, countdown: queued.append((lease, countdown))
    )
    for _ in range(3):
        SubscriberFactory()
    edition = EditionFactory()
    start_sending(edition=edition, user=team_member)

    assert tasks.send_edition_batch(edition.pk)["left"] == 3
    ((lease, pause),) = queued
    assert pause == 60
    tasks.send_edition_batch(edition.pk, lease)
    assert queued[-1][1] == 120  # the pause grows
    tasks.send_edition_batch(edition.pk, lease)  # the last attempt: all failed, none pending
    assert len(queued) == 2
    assert set(Delivery.objects.values_list("status", flat=True)) == {DeliveryStatus.FAILED}
    edition.refresh_from_db()
    assert edition.status == EditionStatus.SENT
