"""Every response says its request id (``X-Request-ID``) and every log line written while serving
it carries the same id: the proxy's id when it is a sane token, a new one otherwise."""

import json
import logging
import re

import pytest

from kennisstad.core import request_id
from kennisstad.core.events import JsonFormatter

pytestmark = pytest.mark.django_db


class Collect(logging.Handler):
    def __init__(self):
        super().__init__()
        self.addFilter(request_id.RequestIdFilter())
        self.records = []

    def emit(self, record):
        self.records.append(record)


@pytest.fixture
def collected():
    handler = Collect()
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    yield handler.records
    logger.removeHandler(handler)


def test_a_new_id_when_none_is_given(client):
    response = client.get("/healthz")
    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])
    assert client.get("/healthz")["X-Request-ID"] != response["X-Request-ID"]


def test_a_sane_id_from_the_proxy_is_kept(client):
    offered = "5f0c2b7e-9a41-4c3e.b_1"
    assert client.get("/healthz", HTTP_X_REQUEST_ID=offered)["X-Request-ID"] == offered


@pytest.mark.parametrize(
    "offered", ["", "has space", 'quote"', "line\nbreak", "x" * 129, "-starts-with-dash", "ü"]
)
def test_anything_else_is_replaced(client, offered):
    answered = client.get("/healthz", HTTP_X_REQUEST_ID=offered)["X-Request-ID"]
    assert answered != offered
    assert re.fullmatch(r"[0-9a-f]{32}", answered)


def test_log_lines_of_the_request_carry_its_id(client, collected):
    response = client.get("/no-such-page/", HTTP_X_REQUEST_ID="req-42")
    assert response.status_code == 404
    assert response["X-Request-ID"] == "req-42"
    assert [record.request_id for record in collected] == ["req-42"]
    line = json.loads(JsonFormatter().format(collected[0]))
    assert line["request_id"] == "req-42"
    assert line["level"] == "WARNING"


def test_outside_a_request_there_is_no_id(client):
    client.get("/healthz", HTTP_X_REQUEST_ID="req-43")
    assert request_id.current() == ""
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "hello", None, None)
    assert request_id.RequestIdFilter().filter(record)
    assert record.request_id == "-"  # for the text format
    assert "request_id" not in json.loads(JsonFormatter().format(record))


def test_the_logging_settings_put_the_filter_on_the_console(settings):
    handler = settings.LOGGING["handlers"]["console"]
    assert handler["filters"][0] == "request_id"
    assert "%(request_id)s" in settings.LOGGING["formatters"]["text"]["format"]
