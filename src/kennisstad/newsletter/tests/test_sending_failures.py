"""Mails that fail are retried a limited number of times; a mail whose outcome is unknown (the
worker died between sending and marking it) is never sent again; two runs at once send each
mail once; whoever unsubscribes meanwhile gets nothing."""

from smtplib import SMTPRecipientsRefused

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend

from kennisstad.newsletter.models import Delivery, DeliveryStatus, EditionStatus
from kennisstad.newsletter.sending import send_batch
from kennisstad.newsletter.services import start_sending, unsubscribe
from kennisstad.newsletter.tokens import unsubscribe_token

from .factories import EditionFactory, SubscriberFactory

pytestmark = pytest.mark.django_db


class RefusingBackend(EmailBackend):
    def send_messages(self, messages):
        if messages[0].to == ["kapot@example.org"]:
            raise SMTPRecipientsRefused({"kapot@example.org": (550, b"no such user")})
        return super().send_messages(messages)


def started(team_member):
    edition = EditionFactory()
    start_sending(edition=edition, user=team_member)  # the task waits for the commit
    return edition


def test_a_refused_address_is_tried_a_few_times_then_counts_as_failed(settings, team_member):
    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"
    settings.NEWSLETTER_MAX_ATTEMPTS = 3
    SubscriberFactory(email="kapot@example.org")
    SubscriberFactory(email="goed@example.org")
    edition = started(team_member)
    for _ in range(5):
        send_batch(edition_id=edition.pk)
    failed = Delivery.objects.get(subscriber__email="kapot@example.org")
    assert (failed.status, failed.attempts, failed.last_error) == (
        DeliveryStatus.FAILED,
        3,
        "SMTPRecipientsRefused",
    )
    assert [m.to for m in mail.outbox] == [["goed@example.org"]]
    edition.refresh_from_db()
    assert edition.status == EditionStatus.SENT


def test_a_mail_of_unknown_outcome_is_not_sent_again(team_member):
    first = SubscriberFactory()
    SubscriberFactory()
    edition = started(team_member)
    Delivery.objects.filter(subscriber=first).update(status=DeliveryStatus.CLAIMED)
    run = send_batch(edition_id=edition.pk)
    assert run.sent == 1
    assert first.email not in [m.to[0] for m in mail.outbox]
    assert Delivery.objects.get(subscriber=first).status == DeliveryStatus.CLAIMED


def test_a_second_run_sends_nothing_twice(team_member):
    for _ in range(3):
        SubscriberFactory()
    edition = started(team_member)
    send_batch(edition_id=edition.pk, size=2)
    send_batch(edition_id=edition.pk)
    send_batch(edition_id=edition.pk)
    assert len(mail.outbox) == 3
    assert len({m.to[0] for m in mail.outbox}) == 3


def test_whoever_unsubscribes_meanwhile_gets_nothing(team_member):
    leaving = SubscriberFactory()
    SubscriberFactory()
    edition = started(team_member)
    unsubscribe(token=unsubscribe_token(leaving.key))
    run = send_batch(edition_id=edition.pk)
    assert (run.sent, run.skipped) == (1, 1)
    assert leaving.email not in [m.to[0] for m in mail.outbox]
