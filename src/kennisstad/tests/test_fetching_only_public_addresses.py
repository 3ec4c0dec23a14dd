"""Addresses people give (a partner calendar, ``import-ics URL``) are fetched only from the public
internet: loopback, private, link-local, metadata and other inside addresses are refused before
any connection, also after DNS resolution and after every redirect; redirects are limited, the
whole fetch has one deadline and the body a size cap. The only server contacted is the test's own
on 127.0.0.1 (allowed through ``FETCH_PRIVATE_HOSTS`` where a test needs it)."""

import http.server
import ipaddress
import socket
import threading
import time

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from kennisstad.core import http_fetch
from kennisstad.core.http_fetch import FetchError, fetch_url
from kennisstad.core.text_input import TextInputError, read_source

REAL_GETADDRINFO = socket.getaddrinfo
CALENDAR = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//T//NL\r\nEND:VCALENDAR\r\n"


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def connections(monkeypatch):
    """Every address the fetch connects to; the real connection only to 127.0.0.1."""
    opened = []
    real = http_fetch.open_connection

    def record(address, port, timeout):
        opened.append(address)
        assert address == "127.0.0.1", f"tried to connect to {address}"
        return real(address, port, timeout)

    monkeypatch.setattr(http_fetch, "open_connection", record)
    return opened


@pytest.fixture
def resolver(monkeypatch):
    """Names the test makes up resolve to the addresses it gives; others as usual."""
    names: dict[str, list[str]] = {}

    def getaddrinfo(host, port, *args, **kwargs):
        if host in names:
            return [
                (
                    socket.AF_INET6 if ":" in a else socket.AF_INET,
                    socket.SOCK_STREAM,
                    6,
                    "",
                    (a, port),
                )
                for a in names[host]
            ]
        return REAL_GETADDRINFO(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return names


@pytest.fixture
def server():
    """A local server: /ok, /big, /redirect/N (N more hops), /to?url, /drip, /drip-headers."""
    hits = []

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self):
            hits.append((self.path, self.headers["Host"]))
            if self.path == "/ok":
                self._send(CALENDAR)
            elif self.path == "/big":
                self._send(b"x" * 2_000)
            elif self.path == "/big-unannounced":
                self.send_response(200)
                self.send_header("Connection", "close")
                self.end_headers()
                self.wfile.write(b"x" * 2_000)
                self.close_connection = True
            elif self.path.startswith("/redirect/"):
                left = int(self.path.rsplit("/", 1)[1])
                self._redirect(f"/redirect/{left - 1}" if left else "/ok")
            elif self.path == "/nowhere":
                self._redirect("")
            elif self.path.startswith("/to?"):
                self._redirect(self.path.split("?", 1)[1])
            elif self.path == "/drip":
                self.send_response(200)
                self.send_header("Content-Length", "100000")
                self.end_headers()
                self._drip(b"BEGIN:VCALENDAR\r\n")
            elif self.path == "/drip-headers":
                self.wfile.write(b"HTTP/1.1 200 OK\r\n")
                self._drip(b"X-Slow: yes\r\n")
            else:
                self.send_error(404)

        def _send(self, body):
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _redirect(self, location):
            self.send_response(302)
            self.send_header("Location", location)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def _drip(self, line):
            try:
                for _ in range(100):  # a line every 0.2 s, far beyond the deadline
                    self.wfile.write(line)
                    self.wfile.flush()
                    time.sleep(0.2)
            except OSError:
                pass

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", hits
    httpd.shutdown()
    httpd.server_close()


def test_the_local_server_is_refused_by_default(server, connections):
    base, hits = server
    with pytest.raises(FetchError, match=r"127\.0\.0\.1 is a loopback address") as refused:
        fetch_url(f"{base}/ok", max_bytes=1000)
    assert str(refused.value).startswith(f"{base}/ok cannot be fetched")
    assert connections == [] and hits == []


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://169.254.169.254/latest/meta-data/", "cloud metadata"),
        ("http://[fd00:ec2::254]/latest/meta-data/", "cloud metadata"),
        ("http://[::ffff:169.254.169.254]/", "cloud metadata"),
        ("http://[::1]/", "loopback"),
        ("http://[::ffff:127.0.0.1]/", "loopback"),
        ("http://2130706433/", "loopback"),
        ("http://0177.0.0.1/", "loopback"),
        ("http://0x7f.1/", "loopback"),
        ("http://0.0.0.0/", "unspecified"),
        ("http://[::]/", "unspecified"),
        ("http://10.0.0.1/", "private"),
        ("https://192.168.1.1/", "private"),
        ("http://172.16.5.4:8080/", "private"),
        ("http://[fd12::1]/", "private"),
        ("http://169.254.1.1/", "link-local"),
        ("http://[fe80::1]/", "link-local"),
        ("http://224.0.0.1/", "multicast"),
        ("http://100.64.0.1/", "special-purpose"),
        ("http://240.0.0.1/", "reserved"),
        ("http://[64:ff9b::7f00:1]/", "loopback"),
    ],
)
def test_inside_addresses_are_refused_before_connecting(url, reason, connections):
    with pytest.raises(FetchError, match=reason):
        fetch_url(url, max_bytes=1000)
    assert connections == []


# IPv6 ranges that carry or reach an inside address although Python 3.11 calls some of them
# global: each is refused when a name resolves to it, naming why.
@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("::7f00:1", r"127\.0\.0\.1 is a loopback address"),  # IPv4-compatible ::/96
        ("::a9fe:a9fe", "169.254.169.254 is a cloud metadata address"),
        ("::808:808", "::808:808 is an IPv4-compatible address"),
        ("64:ff9b:1::a9fe:a9fe", "169.254.169.254 is a cloud metadata address"),  # local NAT64
        ("64:ff9b:1::a00:1", r"10\.0\.0\.1 is a private address"),
        ("64:ff9b:1::808:808", "64:ff9b:1::808:808 is a local NAT64 address"),
        ("64:ff9b::a9fe:a9fe", "169.254.169.254 is a cloud metadata address"),  # well-known
        ("64:ff9b::a00:1", r"10\.0\.0\.1 is a private address"),
        ("2002:a00:1::1", r"10\.0\.0\.1 is a private address"),  # 6to4
        ("2002:7f00:1::1", r"127\.0\.0\.1 is a loopback address"),
        ("2002:a9fe:a9fe::1", "169.254.169.254 is a cloud metadata address"),
        ("2001:0:4136:e378:8000:63bf:3fff:fdd2", "not on the public internet"),  # Teredo
        ("100::1", "reserved"),  # discard-only
        ("5f00::1", "reserved"),
        ("fec0::1", "special-purpose"),  # site-local, deprecated
        ("2001:db8::1", "private"),  # documentation
    ],
)
def test_a_name_resolving_to_a_special_ipv6_range_is_refused(
    address, reason, resolver, connections
):
    resolver["calendar.example.org"] = [address]
    with pytest.raises(FetchError, match=reason):
        fetch_url("https://calendar.example.org/feed.ics", max_bytes=1000)
    assert connections == []


def test_teredo_is_refused_also_with_a_public_client():
    address = ipaddress.ip_address("2001:0:4136:e378:8000:63bf:f7f7:f7f7")
    assert address.teredo[1] == ipaddress.ip_address("8.8.8.8")
    assert "is a Teredo tunnel address" in http_fetch.refusal(address)


@pytest.mark.parametrize(
    "address",
    ["93.184.215.14", "2606:4700::1111", "64:ff9b::808:808", "::ffff:8.8.8.8", "2002:808:808::1"],
)
def test_provably_public_addresses_are_allowed(address):
    assert http_fetch.refusal(ipaddress.ip_address(address)) == ""


@pytest.mark.parametrize(
    "url", ["ftp://example.org/a.ics", "file:///etc/passwd", "gopher://example.org/", "http:///x"]
)
def test_only_http_and_https_with_a_host(url, connections):
    with pytest.raises(FetchError):
        fetch_url(url, max_bytes=1000)
    assert connections == []


def test_a_name_is_checked_after_resolving_it(resolver, connections):
    resolver["calendar.example.org"] = ["10.0.0.1"]
    resolver["mixed.example.org"] = ["93.184.215.14", "127.0.0.1"]
    with pytest.raises(FetchError, match=r"10\.0\.0\.1 is a private address"):
        fetch_url("https://calendar.example.org/feed.ics", max_bytes=1000)
    with pytest.raises(FetchError, match=r"127\.0\.0\.1 is a loopback address"):
        fetch_url("http://mixed.example.org/feed.ics", max_bytes=1000)
    assert connections == []


def test_metadata_stays_refused_whatever_the_allow_list(settings, connections):
    settings.FETCH_PRIVATE_HOSTS = ["169.254.0.0/16", "fd00::/8", "0.0.0.0"]
    for url in ("http://169.254.169.254/", "http://[fd00:ec2::254]/", "http://0.0.0.0/"):
        with pytest.raises(FetchError):
            fetch_url(url, max_bytes=1000)
    assert connections == []


def test_an_allowed_intranet_host_is_fetched_at_its_checked_address(
    server, settings, resolver, connections
):
    base, hits = server
    port = base.rsplit(":", 1)[1]
    settings.FETCH_PRIVATE_HOSTS = ["agenda.intranet.gemeente"]
    resolver["agenda.intranet.gemeente"] = ["127.0.0.1"]

    body = fetch_url(f"http://agenda.intranet.gemeente:{port}/ok", max_bytes=1000)

    assert body == CALENDAR and connections == ["127.0.0.1"]
    assert hits == [("/ok", f"agenda.intranet.gemeente:{port}")]  # the Host header names it


@pytest.fixture
def allowed_server(server, settings):
    settings.FETCH_PRIVATE_HOSTS = ["127.0.0.1"]
    return server


@pytest.mark.parametrize(
    ("target", "reason"),
    [
        ("http://169.254.169.254/latest/meta-data/", "cloud metadata"),
        ("http://[::1]/", "loopback"),
        ("http://internal.example.org/", "10.0.0.1 is a private address"),
        ("file:///etc/passwd", "only http and https"),
    ],
)
def test_every_redirect_is_checked_again(allowed_server, resolver, connections, target, reason):
    base, _hits = allowed_server
    resolver["internal.example.org"] = ["10.0.0.1"]
    with pytest.raises(FetchError, match=reason) as refused:
        fetch_url(f"{base}/to?{target}", max_bytes=1000)
    # The address is named without its query (where a secret token usually is).
    assert str(refused.value).startswith(f"{base}/to cannot be fetched: {target}")
    assert set(connections) == {"127.0.0.1"} and len(connections) == 1


def test_redirects_are_limited(allowed_server, settings, connections):
    base, _hits = allowed_server
    settings.FETCH_MAX_REDIRECTS = 5
    assert fetch_url(f"{base}/redirect/4", max_bytes=1000) == CALENDAR  # five redirects
    with pytest.raises(FetchError, match="more than 5 redirects"):
        fetch_url(f"{base}/redirect/5", max_bytes=1000)
    with pytest.raises(FetchError, match="redirected without a new address"):
        fetch_url(f"{base}/nowhere", max_bytes=1000)


@pytest.mark.parametrize("path", ["/drip", "/drip-headers"])
def test_a_slow_drip_is_cut_at_the_deadline(allowed_server, settings, path):
    base, _hits = allowed_server
    settings.FETCH_DEADLINE_SECONDS = 1
    started = time.monotonic()
    with pytest.raises(FetchError, match="within the time limit"):
        fetch_url(f"{base}{path}", max_bytes=1_000_000)
    assert time.monotonic() - started < 2


@pytest.mark.parametrize("path", ["/big", "/big-unannounced"])
def test_an_oversize_body_is_refused(allowed_server, path):
    base, _hits = allowed_server
    with pytest.raises(FetchError, match="larger than 1000 bytes"):
        fetch_url(f"{base}{path}", max_bytes=1000)
    assert fetch_url(f"{base}{path}", max_bytes=2000) == b"x" * 2000


def test_an_error_status_names_the_address(allowed_server):
    base, _hits = allowed_server
    with pytest.raises(FetchError, match=f"{base}/missing cannot be fetched: .*404"):
        fetch_url(f"{base}/missing", max_bytes=1000)


def test_import_ics_refuses_an_inside_address(server, connections):
    base, hits = server
    with pytest.raises(CommandError, match="loopback"):
        call_command("import-ics", f"{base}/ok")
    with pytest.raises(TextInputError, match="cloud metadata"):
        read_source("HTTP://169.254.169.254/", max_bytes=1000)
    with pytest.raises(TextInputError, match="only http and https"):
        read_source("file:///etc/passwd", max_bytes=1000)
    assert connections == [] and hits == []


@pytest.mark.django_db
def test_a_partner_calendar_inside_the_network_is_not_synchronised(server, connections):
    from kennisstad.agenda.ics_import import sync_subscription
    from kennisstad.agenda.tests.factories import CalendarSubscriptionFactory

    base, hits = server
    feed = CalendarSubscriptionFactory(url=f"{base}/ok")
    with pytest.raises(ValueError, match="loopback"):
        sync_subscription(feed)
    feed.refresh_from_db()
    assert "127.0.0.1 is a loopback address" in feed.last_error
    assert connections == [] and hits == []


@pytest.fixture
def tls_server(tmp_path, settings, resolver, monkeypatch):
    """An https server on 127.0.0.1 whose certificate names agenda.intranet.gemeente (made with
    the openssl command), trusted by the fetch; it records the name the client asked for (SNI)."""
    import shutil
    import ssl
    import subprocess

    if shutil.which("openssl") is None:
        pytest.skip("needs the openssl command")
    name = "agenda.intranet.gemeente"
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        [
            *("openssl", "req", "-x509", "-nodes", "-days", "2", "-subj", f"/CN={name}"),
            *("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1"),
            *("-keyout", str(key), "-out", str(cert), "-addext", f"subjectAltName=DNS:{name}"),
        ],
        check=True,
        capture_output=True,
    )
    seen = []
    server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_context.load_cert_chain(cert, key)
    server_context.sni_callback = lambda sock, server_name, context: seen.append(server_name)

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            seen.append(self.headers["Host"])
            self.send_response(200)
            self.send_header("Content-Length", str(len(CALENDAR)))
            self.end_headers()
            self.wfile.write(CALENDAR)

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.socket = server_context.wrap_socket(httpd.socket, server_side=True)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    real_context = ssl.create_default_context

    def trusting(*args, **kwargs):
        context = real_context(*args, **kwargs)
        context.load_verify_locations(cafile=str(cert))
        return context

    monkeypatch.setattr(http_fetch.ssl, "create_default_context", trusting)
    settings.FETCH_PRIVATE_HOSTS = ["127.0.0.1"]
    resolver[name] = ["127.0.0.1"]
    resolver["other.intranet.gemeente"] = ["127.0.0.1"]
    yield httpd.server_address[1], seen
    httpd.shutdown()
    httpd.server_close()


def test_https_goes_to_the_checked_address_with_sni_and_a_verified_certificate(
    tls_server, connections
):
    port, seen = tls_server
    body = fetch_url(f"https://agenda.intranet.gemeente:{port}/a.ics", max_bytes=1000)
    assert body == CALENDAR and connections == ["127.0.0.1"]
    assert seen == ["agenda.intranet.gemeente", f"agenda.intranet.gemeente:{port}"]

    # The same server under a name its certificate does not carry: refused.
    with pytest.raises(FetchError, match="certificate verify failed"):
        fetch_url(f"https://other.intranet.gemeente:{port}/a.ics", max_bytes=1000)
