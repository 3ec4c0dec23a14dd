"""A calendar address often carries a secret token (in the query, or as user name and
password). A refused or failed fetch names the address by scheme, host, port and path only: the
token never reaches the message, the logs or a partner calendar's last error."""

import pytest
from django.utils import translation

from kennisstad.core.http_fetch import FetchError, fetch_url, shown_address
from kennisstad.tests.test_fetching_only_public_addresses import (  # noqa: F401
    connections,
    server,
)

SECRETS = ("s3cr3t-token", "hunter2", "geheim")


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def assert_no_secret(text: str) -> None:
    for secret in SECRETS:
        assert secret not in text


def test_the_address_is_shown_without_user_password_query_and_fragment():
    url = "https://geheim:hunter2@agenda.example.org:8443/cal/feed.ics?token=s3cr3t-token#x"
    assert shown_address(url) == "https://agenda.example.org:8443/cal/feed.ics"
    assert shown_address("http://geheim@[::1]/a?token=s3cr3t-token") == "http://[::1]/a"
    assert shown_address("http://geheim@host:port/a?token=s3cr3t-token") == "http://host:port/a"


@pytest.mark.parametrize(
    "url",
    [
        "http://geheim:hunter2@169.254.169.254/feed.ics?token=s3cr3t-token",
        "http://[::1]/feed.ics?token=s3cr3t-token",
        "ftp://geheim:hunter2@example.org/feed.ics?token=s3cr3t-token",
        "http://example.org:99999/feed.ics?token=s3cr3t-token",
    ],
)
def test_a_refusal_leaves_out_the_secret(url, connections):  # noqa: F811
    with pytest.raises(FetchError) as refused:
        fetch_url(url, max_bytes=1000)
    assert_no_secret(str(refused.value))
    assert connections == []


@pytest.mark.parametrize(
    "path",
    [
        "/missing?token=s3cr3t-token",  # 404
        "/to?http://169.254.169.254/?token=s3cr3t-token",  # a redirect to a refused address
        "/a b?token=s3cr3t-token",  # http.client quotes the request line in its error
    ],
)
def test_a_failed_fetch_leaves_out_the_secret(path, server, settings):  # noqa: F811
    settings.FETCH_PRIVATE_HOSTS = ["127.0.0.1"]
    base, _hits = server
    with pytest.raises(FetchError) as refused:
        fetch_url(f"http://geheim:hunter2@{base.removeprefix('http://')}{path}", max_bytes=1000)
    assert str(refused.value).startswith(f"{base}/")
    assert_no_secret(str(refused.value))


@pytest.mark.django_db
def test_a_partner_calendar_error_leaves_out_the_secret(server, connections):  # noqa: F811
    from kennisstad.agenda.ics_import import sync_subscription
    from kennisstad.agenda.tests.factories import CalendarSubscriptionFactory

    base, _hits = server
    feed = CalendarSubscriptionFactory(url=f"{base}/feed.ics?token=s3cr3t-token")
    with pytest.raises(ValueError) as refused:
        sync_subscription(feed)
    feed.refresh_from_db()
    assert f"{base}/feed.ics cannot be fetched" in feed.last_error
    assert_no_secret(feed.last_error)
    assert_no_secret(str(refused.value))
    assert connections == []
