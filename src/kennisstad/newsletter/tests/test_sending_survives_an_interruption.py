"""An edition to 5,000 subscribers, stopped half-way and resumed, reaches every subscriber exactly
once, and every mail carries a working, personal unsubscribe link (page and one-click header).

The interruption is a mail backend that stops the worker (raises) after 2,500 mails, as the next
batch opens its connection: nothing was handed over, so the rerun sends the 2,500 still pending,
nobody again. (A stop *inside* a send leaves that one mail "outcome unknown", never sent twice:
see test_sending_never_twice_after_a_timeout.) One
more address waits for its confirmation and gets nothing."""

import io
import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command

from kennisstad.newsletter import tasks, tokens
from kennisstad.newsletter.models import (
    Delivery,
    DeliveryStatus,
    EditionStatus,
    Subscriber,
    SubscriberStatus,
)
from kennisstad.newsletter.selectors import delivery_counts
from kennisstad.newsletter.services import start_sending

from .factories import EditionFactory, many_subscribers

pytestmark = pytest.mark.django_db

SUBSCRIBERS = 5_000
STOP_AFTER = 2_500
LINK = re.compile(r"https?://\S+/newsletter/unsubscribe/(\S+?)/(?:\?lang=en)?(?=\s|$)")


class WorkerStopped(RuntimeError):
    """The worker went away in the middle of a batch."""


class StoppingBackend(EmailBackend):
    """locmem, until ``stop_after`` mails are in the outbox: then the next batch's connection
    raises."""

    stop_after: int | None = None

    def open(self):
        if self.stop_after is not None and len(mail.outbox) >= self.stop_after:
            raise WorkerStopped
        return super().open()


@pytest.fixture
def stopping_backend(settings):
    settings.EMAIL_BACKEND = f"{__name__}.StoppingBackend"
    settings.NEWSLETTER_BATCH_SIZE = 500
    StoppingBackend.stop_after = STOP_AFTER
    yield StoppingBackend
    StoppingBackend.stop_after = None


def test_interrupted_and_resumed_edition_reaches_everyone_once(
    stopping_backend, team_member, client, django_capture_on_commit_callbacks
):
    many_subscribers(SUBSCRIBERS + 1)
    Subscriber.objects.filter(email="abonnee00001@example.org").update(
        status=SubscriberStatus.PENDING  # not confirmed: gets nothing
    )
    edition = EditionFactory()
    with django_capture_on_commit_callbacks(execute=True):
        created = start_sending(edition=edition, user=team_member)
    assert created == SUBSCRIBERS
    # No worker (in-process): the start sends one batch, the command the rest.
    assert len(mail.outbox) == 500
    with pytest.raises(WorkerStopped):
        call_command("send-newsletters")
    # The worker stopped: half sent, the rest waiting, nothing claimed and left hanging.
    assert len(mail.outbox) == STOP_AFTER
    counts = delivery_counts(edition)
    assert (counts["sent"], counts["pending"], counts["claimed"]) == (
        STOP_AFTER,
        SUBSCRIBERS - STOP_AFTER,
        0,
    )
    edition.refresh_from_db()
    assert edition.status == EditionStatus.SENDING

    stopping_backend.stop_after = None
    tasks.resume_sending()  # the schedule picks the edition up again (one batch in-process)
    assert len(mail.outbox) == STOP_AFTER + 500
    call_command("send-newsletters", stdout=io.StringIO())  # cron, without a worker

    edition.refresh_from_db()
    assert edition.status == EditionStatus.SENT
    recipients = [message.to[0] for message in mail.outbox]
    assert len(recipients) == SUBSCRIBERS
    confirmed = set(
        Subscriber.objects.filter(status=SubscriberStatus.CONFIRMED).values_list("email", flat=True)
    )
    assert set(recipients) == confirmed and len(set(recipients)) == len(recipients)
    assert Delivery.objects.filter(status=DeliveryStatus.SENT).count() == SUBSCRIBERS
    _every_link_is_personal_and_signed(mail.outbox)
    _a_few_links_work(mail.outbox, client)


def _every_link_is_personal_and_signed(outbox):
    keys = dict(Subscriber.objects.values_list("email", "key"))
    tokens_seen = set()
    for message in outbox:
        token = LINK.search(message.body).group(1)
        html = message.alternatives[0][0]
        assert f"/newsletter/unsubscribe/{token}/" in html
        assert tokens.read_unsubscribe_token(token) == keys[message.to[0]]
        header = message.extra_headers["List-Unsubscribe"]
        assert f"/newsletter/unsubscribe/{token}/one-click/" in header
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        tokens_seen.add(token)
    assert len(tokens_seen) == len(outbox)


def _a_few_links_work(outbox, client):
    for message in outbox[:: len(outbox) // 4][:4]:
        path = urlsplit(LINK.search(message.body).group(0)).path
        assert client.get(path).status_code == 200
        subscriber = Subscriber.objects.get(email=message.to[0])
        assert subscriber.status == SubscriberStatus.CONFIRMED  # opening the link changes nothing
        assert client.post(path).status_code == 200
        subscriber.refresh_from_db()
        assert subscriber.status == SubscriberStatus.UNSUBSCRIBED
    message = outbox[-1]
    one_click = re.search(r"<(https?://[^>]+)>", message.extra_headers["List-Unsubscribe"])
    response = client.post(
        urlsplit(one_click.group(1)).path,
        {"List-Unsubscribe": "One-Click"},
        enforce_csrf_checks=True,
    )
    assert response.status_code == 200
    assert Subscriber.objects.get(email=message.to[0]).status == SubscriberStatus.UNSUBSCRIBED
