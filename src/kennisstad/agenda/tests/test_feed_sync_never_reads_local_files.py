"""A partner calendar's address is always fetched over http(s), never read as a file on this
server, whatever it looks like (only the admin's URL field kept a path out before). The
``import-ics`` command still reads a local path for the operator, but anything that looks like
an address goes to the fetcher."""

import socket

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from kennisstad.agenda.ics_import import sync_subscription
from kennisstad.agenda.models import Activity
from kennisstad.agenda.tests.factories import CalendarSubscriptionFactory
from kennisstad.core import http_fetch

CALENDAR = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//T//NL\r\n"
    "BEGIN:VEVENT\r\nUID:local@file\r\nDTSTART:20300101T090000Z\r\nDTEND:20300101T100000Z\r\n"
    "SUMMARY:Uit een bestand\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def no_network(monkeypatch):
    """No name is looked up (address literals only) and nothing is contacted."""
    real = socket.getaddrinfo

    def numeric_only(host, port, *args, **kwargs):
        return real(host, port, type=socket.SOCK_STREAM, flags=socket.AI_NUMERICHOST)

    def refuse(*args, **kwargs):
        raise AssertionError("tried to use the network")

    monkeypatch.setattr(socket, "getaddrinfo", numeric_only)
    monkeypatch.setattr(http_fetch, "open_connection", refuse)


@pytest.fixture
def calendar_file(tmp_path):
    path = tmp_path / "partner.ics"
    path.write_text(CALENDAR)
    return path


@pytest.mark.django_db
@pytest.mark.parametrize("form", ["{path}", "file://{path}", "http:{path}", " {path}"])
def test_a_feed_address_that_is_a_path_is_not_read(form, calendar_file, no_network):
    feed = CalendarSubscriptionFactory(url=form.format(path=calendar_file))
    with pytest.raises(ValueError, match="cannot be fetched"):
        sync_subscription(feed)
    feed.refresh_from_db()
    assert "cannot be fetched" in feed.last_error
    assert not Activity.objects.filter(uid="local@file").exists()


@pytest.mark.django_db
def test_import_ics_reads_a_local_path_for_the_operator(calendar_file, no_network):
    call_command("import-ics", str(calendar_file))
    assert Activity.objects.filter(uid="local@file").exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "source", [" http://169.254.169.254/a.ics", "http:/169.254.169.254/a.ics", "file:{path}"]
)
def test_import_ics_sends_anything_like_an_address_to_the_fetcher(
    source, calendar_file, no_network
):
    with pytest.raises(CommandError, match="cannot be fetched"):
        call_command("import-ics", source.format(path=calendar_file))
    assert not Activity.objects.exists()
