"""A mail the server may have accepted (a timeout or a dropped connection during or after DATA,
the worker stopped inside ``send()``) stays "outcome unknown" and is not sent again by a rerun;
errors known to come before the message was handed over put it back to pending. The team can
send the unknown ones again with a button, after checking."""

import contextlib
import datetime
import socket
from smtplib import SMTPSenderRefused, SMTPServerDisconnected

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.urls import reverse
from django.utils import timezone

from kennisstad.newsletter.models import Delivery, DeliveryStatus, EditionStatus
from kennisstad.newsletter.sending import send_batch
from kennisstad.newsletter.services import start_sending

from .factories import EditionFactory, SubscriberFactory

pytestmark = pytest.mark.django_db


class FailingBackend(EmailBackend):
    error: BaseException | None = None
    accept_first = False

    def send_messages(self, messages):
        if self.accept_first:
            super().send_messages(messages)  # the server took it, then the reply was lost
        if FailingBackend.error is not None:
            raise FailingBackend.error
        return super().send_messages(messages)


@pytest.fixture
def failing(settings):
    settings.EMAIL_BACKEND = f"{__name__}.FailingBackend"
    yield FailingBackend
    FailingBackend.error, FailingBackend.accept_first = None, False


def _started(team_member):
    SubscriberFactory(email="een@example.org")
    edition = EditionFactory()
    start_sending(edition=edition, user=team_member)
    return edition


@pytest.mark.parametrize(
    "error",
    [TimeoutError("no reply to the dot"), SMTPServerDisconnected("gone"), RuntimeError("stop")],
)
def test_an_error_after_handing_over_leaves_the_mail_unknown(failing, team_member, error):
    edition = _started(team_member)
    failing.error, failing.accept_first = error, True
    with pytest.raises(type(error)):
        send_batch(edition_id=edition.pk)
    failing.error = None
    send_batch(edition_id=edition.pk)
    assert [m.to for m in mail.outbox] == [["een@example.org"]]
    delivery = Delivery.objects.get()
    assert delivery.status == DeliveryStatus.CLAIMED
    assert delivery.last_error == type(error).__name__


@pytest.mark.parametrize(
    "error",
    [
        ConnectionRefusedError("down"),
        socket.gaierror("no such host"),
        SMTPSenderRefused(451, b"later", "nieuws@example.org"),
    ],
)
def test_an_error_before_handing_over_sends_it_again(failing, team_member, error):
    edition = _started(team_member)
    failing.error = error
    with contextlib.suppress(OSError):
        send_batch(edition_id=edition.pk)
    assert Delivery.objects.get().status == DeliveryStatus.PENDING
    failing.error = None
    send_batch(edition_id=edition.pk)
    assert [m.to for m in mail.outbox] == [["een@example.org"]]
    assert Delivery.objects.get().status == DeliveryStatus.SENT


def test_the_team_sends_the_unknown_ones_again_after_checking(
    team_member, client_for, django_capture_on_commit_callbacks
):
    edition = _started(team_member)
    Delivery.objects.update(
        status=DeliveryStatus.CLAIMED, claimed_at=timezone.now() - datetime.timedelta(hours=1)
    )
    send_batch(edition_id=edition.pk)  # nothing pending: the edition counts as sent
    edition.refresh_from_db()
    assert edition.status == EditionStatus.SENT
    page = client_for(team_member).get(edition.get_absolute_url())
    assert reverse("newsletter:edition-resend-unknown", args=[edition.pk]) in page.text
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(team_member).post(
            reverse("newsletter:edition-resend-unknown", args=[edition.pk])
        )
    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [["een@example.org"]]
    assert Delivery.objects.get().status == DeliveryStatus.SENT
