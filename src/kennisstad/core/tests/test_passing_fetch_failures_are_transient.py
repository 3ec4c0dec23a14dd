"""A fetch that failed for a passing reason (a server error, "too many requests", nobody
listening) is a ``TransientFetchError``, which the scheduled feed sync retries; a refusal (not
found, a refused address) is a plain ``FetchError``, which it does not."""

import http.server
import socket
import threading

import pytest

from kennisstad.core.http_fetch import FetchError, TransientFetchError, fetch_url


@pytest.fixture
def server(settings):
    settings.FETCH_PRIVATE_HOSTS = ["127.0.0.1"]

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(int(self.path.strip("/")))
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.parametrize("status", [429, 500, 502, 503, 504])
def test_a_server_error_is_transient(server, status):
    with pytest.raises(TransientFetchError):
        fetch_url(f"{server}/{status}", max_bytes=1000, deadline_seconds=5)


@pytest.mark.parametrize("status", [401, 403, 404, 410])
def test_a_refusal_is_not(server, status):
    with pytest.raises(FetchError) as caught:
        fetch_url(f"{server}/{status}", max_bytes=1000, deadline_seconds=5)
    assert not isinstance(caught.value, TransientFetchError)


def test_nobody_listening_is_transient(settings):
    settings.FETCH_PRIVATE_HOSTS = ["127.0.0.1"]
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    with pytest.raises(TransientFetchError):
        fetch_url(f"http://127.0.0.1:{port}/agenda.ics", max_bytes=1000, deadline_seconds=5)


def test_a_refused_address_is_not(settings):
    settings.FETCH_PRIVATE_HOSTS = []
    with pytest.raises(FetchError) as caught:
        fetch_url("http://127.0.0.1:8000/agenda.ics", max_bytes=1000, deadline_seconds=5)
    assert not isinstance(caught.value, TransientFetchError)
