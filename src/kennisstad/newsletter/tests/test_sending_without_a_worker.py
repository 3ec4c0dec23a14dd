"""Without a worker (tasks in-process) pressing Send does not mail every subscriber inside the
web request: it creates the deliveries and sends at most one batch; the scheduled resume job or
``kennisstad send-newsletters`` (cron) sends the rest."""

import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from kennisstad.newsletter.models import EditionStatus

from .factories import EditionFactory, SubscriberFactory

pytestmark = pytest.mark.django_db


def test_send_mails_one_batch_in_the_request_and_the_command_the_rest(
    settings, team_member, client_for, django_capture_on_commit_callbacks
):
    settings.NEWSLETTER_BATCH_SIZE = 2
    for _ in range(7):
        SubscriberFactory()
    edition = EditionFactory()
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(team_member).post(
            reverse("newsletter:edition-send", args=[edition.pk])
        )
    assert response.status_code == 302
    assert len(mail.outbox) == 2
    edition.refresh_from_db()
    assert edition.status == EditionStatus.SENDING

    out = io.StringIO()
    call_command("send-newsletters", stdout=out)
    assert "5 sent" in out.getvalue()
    assert len({m.to[0] for m in mail.outbox}) == len(mail.outbox) == 7
    edition.refresh_from_db()
    assert edition.status == EditionStatus.SENT
