"""A personal feed's address is its secret: when Django logs the path of a 404 or 400 for it
(``django.request``), the token is taken out, as in gunicorn's access log."""

import io
import logging
import logging.config

import pytest
from django.conf import settings
from django.urls import reverse

from kennisstad.conf.gunicorn_logging import access_fields
from kennisstad.conf.logs import logging_settings

pytestmark = pytest.mark.django_db
TOKEN = "s3cr3t" * 6


@pytest.fixture
def console():
    logging.config.dictConfig(logging_settings("json", "INFO"))
    handler = next(h for h in logging.getLogger().handlers if h.name == "console")
    stream = io.StringIO()
    handler.setStream(stream)
    yield stream
    logging.config.dictConfig(settings.LOGGING)


def test_a_refused_feed_address_is_logged_without_its_token(client, console):
    assert client.get(reverse("agenda:personal-feed", args=[TOKEN])).status_code == 404
    written = console.getvalue()
    assert "/agenda/feeds/…" in written or "/feeds/…" in written
    assert TOKEN not in written


def test_the_access_log_leaves_it_out_too():
    class Answer:
        status = "200 OK"
        sent = 10
        headers = ()

    class Took:
        def total_seconds(self):
            return 0.01

    path = reverse("agenda:personal-feed", args=[TOKEN])
    fields = access_fields(Answer(), {"PATH_INFO": path, "REQUEST_METHOD": "GET"}, Took())
    assert TOKEN not in repr(fields) and fields["path"].endswith("/feeds/….ics")
