"""Fetching a file from an address someone typed (a partner's calendar, ``import-ics URL``)
without letting that address reach into the municipality's own network.

Every hop (the first request and each redirect) is checked the same way: only http and https;
the host name is resolved once and every address it resolves to must be public (not loopback,
private, link-local, shared, multicast, reserved, unspecified or a cloud metadata service, also
when written as an IPv4-mapped IPv6 address or a decimal or octal literal); the connection then
goes to that checked address itself, so a second DNS answer cannot swap in another (DNS
rebinding), while the Host header, TLS SNI and certificate check use the name. Redirects are
limited, and the whole fetch (resolving, connecting, headers and body, every hop) has one
deadline: a server that sends a line every few seconds is cut off, not waited on forever. The
body is read up to a size cap.

``FETCH_PRIVATE_HOSTS`` (host names, addresses or networks) lets a municipality allow its own
intranet calendar; metadata, unspecified and multicast addresses are refused even then.
"""

import concurrent.futures
import contextlib
import http.client
import ipaddress
import socket
import ssl
import threading
import time
from urllib.parse import urljoin, urlsplit, urlunsplit

from django.conf import settings
from django.utils.translation import gettext as _

ALLOWED_SCHEMES = {"http": 80, "https": 443}
REDIRECT_STATUSES = {301, 302, 303, 307, 308}
CHUNK_BYTES = 65_536
# Cloud metadata services (AWS, GCP, Azure, OpenStack; AWS ECS and its IPv6 endpoint; Alibaba):
# refused always, whatever the allow-list says.
METADATA_ADDRESSES = frozenset(
    ipaddress.ip_address(address)
    for address in ("169.254.169.254", "169.254.170.2", "fd00:ec2::254", "100.100.100.200")
)
NAT64_PREFIX = ipaddress.ip_network("64:ff9b::/96")  # well-known: public IPv4 addresses only
LOCAL_NAT64_PREFIX = ipaddress.ip_network("64:ff9b:1::/48")  # local-use (RFC 8215): inside
IPV4_COMPATIBLE = ipaddress.ip_network("::/96")  # deprecated (RFC 4291)
TEREDO_PREFIX = ipaddress.ip_network("2001::/32")
# The only IPv6 addresses allocated as public unicast (besides the translations above).
GLOBAL_UNICAST = ipaddress.ip_network("2000::/3")


class FetchError(ValueError):
    """The address was refused or could not be read; the message names it (``shown_address``)
    and says why. ``url`` keeps the address as given, for the code only."""

    def __init__(self, url: str, reason: str):
        self.url = url
        self.reason = _without_secrets(reason, url)
        super().__init__(
            _("%(url)s cannot be fetched: %(reason)s")
            % {"url": shown_address(url), "reason": self.reason}
        )


class TransientFetchError(FetchError):
    """A failure that may pass on its own: no answer in time, a connection that failed or broke
    off, a server error (5xx) or "too many requests". A scheduled job tries it again later
    (``core.background``); a refused address or an oversized file is never transient."""


# Answers that say "not now" rather than "never".
TRANSIENT_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})


def shown_address(url: str) -> str:
    """``url`` as messages name it: scheme, host, port and path, without the user name,
    password, query and fragment, where a calendar's secret token usually is (the message
    ends up in logs and in a partner calendar's last error)."""
    try:
        parts = urlsplit(url)
        host, port = parts.hostname or "", parts.port
    except ValueError:  # not a valid address: cut the same parts out by hand
        scheme, separator, rest = url.split("?", 1)[0].split("#", 1)[0].rpartition("://")
        netloc, slash, path = rest.partition("/")
        return f"{scheme}{separator}{netloc.rpartition('@')[2]}{slash}{path}"
    netloc = f"[{host}]" if ":" in host else host
    if port is not None:
        netloc = f"{netloc}:{port}"
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


def _without_secrets(text: str, url: str) -> str:
    """``text`` without the query of ``url``: an exception's text may quote the request line
    (the user name, password and fragment are never sent, so never quoted)."""
    query = url.partition("?")[2].partition("#")[0]
    return text.replace(f"?{query}", "?…") if query else text


def fetch_url(
    url: str,
    *,
    max_bytes: int,
    deadline_seconds: float | None = None,
    max_redirects: int | None = None,
) -> bytes:
    """The body of ``url`` (at most ``max_bytes``), following at most ``max_redirects``
    redirects, all within ``deadline_seconds``; ``FetchError`` otherwise."""
    if deadline_seconds is None:
        deadline_seconds = settings.FETCH_DEADLINE_SECONDS
    if max_redirects is None:
        max_redirects = settings.FETCH_MAX_REDIRECTS
    deadline = time.monotonic() + deadline_seconds
    current = url
    for _hop in range(max_redirects + 1):
        try:
            status, location, body = _get(current, max_bytes=max_bytes, deadline=deadline)
        except FetchError as exc:
            if exc.url == url:
                raise
            raise type(exc)(url, f"{shown_address(exc.url)}: {exc.reason}") from exc
        if status in REDIRECT_STATUSES:
            current = urljoin(current, location)
            continue
        return body
    raise FetchError(url, _("more than %(count)s redirects") % {"count": max_redirects})


def _remaining(url: str, deadline: float) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise TransientFetchError(url, _("no complete answer within the time limit"))
    return left


def _get(url: str, *, max_bytes: int, deadline: float) -> tuple[int, str, bytes]:
    """One request to a checked address: (status, redirect location, body)."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise FetchError(url, _("this is not a valid address")) from exc
    scheme = parts.scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        raise FetchError(url, _("only http and https addresses can be fetched"))
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise FetchError(url, _("the address has no host name"))
    try:
        host = host.encode("idna").decode("ascii")
    except UnicodeError as exc:
        raise FetchError(url, _("the host name is not valid")) from exc
    port = port or ALLOWED_SCHEMES[scheme]
    addresses = _checked_addresses(url, host, port, deadline)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    connection_class = _PinnedHTTPSConnection if scheme == "https" else _PinnedHTTPConnection
    last_error: OSError | None = None
    for address in addresses:
        connection = connection_class(
            host, port, address=address, timeout=_remaining(url, deadline)
        )
        watchdog = _Watchdog(connection, _remaining(url, deadline))
        response = None
        try:
            connection.request(
                "GET",
                path,
                headers={"User-Agent": "Kennisstad", "Accept": "*/*", "Connection": "close"},
            )
            response = connection.getresponse()
            _remaining(url, deadline)  # headers cut short by the watchdog look complete
            if response.status in REDIRECT_STATUSES:
                location = response.getheader("Location", "").strip()
                if not location:
                    raise FetchError(url, _("the server redirected without a new address"))
                return response.status, location, b""
            if response.status != 200:
                raise _status_error(url, response)
            return response.status, "", _read_body(url, response, connection, max_bytes, deadline)
        except (OSError, http.client.HTTPException) as exc:
            _remaining(url, deadline)  # the watchdog's cut reads as a time-out
            if connection.pinned is not None or not isinstance(exc, OSError):
                raise TransientFetchError(url, str(exc) or type(exc).__name__) from exc
            last_error = exc  # could not connect: try the host's next address
        finally:
            watchdog.cancel()
            if response is not None:
                response.close()
            connection.close()
    if last_error is not None:
        raise TransientFetchError(url, str(last_error))
    raise FetchError(url, _("no address to connect to"))


def _status_error(url: str, response: http.client.HTTPResponse) -> FetchError:
    """The error for an answer other than 200 or a redirect: transient for "not now"."""
    error = TransientFetchError if response.status in TRANSIENT_STATUSES else FetchError
    return error(
        url,
        _("the server answered %(status)s %(reason)s")
        % {"status": response.status, "reason": response.reason},
    )


def _read_body(url, response, connection, max_bytes: int, deadline: float) -> bytes:
    length = response.getheader("Content-Length", "")
    too_large = _("the file is larger than %(size)s bytes") % {"size": max_bytes}
    if length.isdigit() and int(length) > max_bytes:
        raise FetchError(url, too_large)
    chunks, size = [], 0
    while True:
        connection.pinned.settimeout(_remaining(url, deadline))
        chunk = response.read1(CHUNK_BYTES)
        _remaining(url, deadline)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(url, too_large)
        chunks.append(chunk)


def _resolve(host: str, port: int):
    return socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP)


def _checked_addresses(url: str, host: str, port: int, deadline: float) -> list[str]:
    """Every address ``host`` resolves to, each allowed; one refused address refuses the host
    (a name that also points inside is not trusted for its other answers)."""
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=1)
    try:
        infos = pool.submit(_resolve, host, port).result(timeout=_remaining(url, deadline))
    except concurrent.futures.TimeoutError as exc:
        raise TransientFetchError(url, _("no complete answer within the time limit")) from exc
    except (OSError, UnicodeError) as exc:
        raise FetchError(
            url, _("the host name %(host)s cannot be resolved") % {"host": host}
        ) from exc
    finally:
        pool.shutdown(wait=False)
    addresses = []
    for _family, _type, _proto, _name, sockaddr in infos:
        address = ipaddress.ip_address(sockaddr[0].split("%", 1)[0])
        problem = refusal(address, host=host)
        if problem:
            raise FetchError(url, problem)
        if str(address) not in addresses:
            addresses.append(str(address))
    if not addresses:
        raise FetchError(url, _("the host name %(host)s cannot be resolved") % {"host": host})
    return addresses


def _embedded_ipv4(address):
    """The IPv4 address an IPv6 one carries (mapped, IPv4-compatible, NAT64 well-known or
    local-use, 6to4, Teredo), else None."""
    if address.version != 6:
        return None
    if address.ipv4_mapped:
        return address.ipv4_mapped
    if address in NAT64_PREFIX or address in LOCAL_NAT64_PREFIX:
        # The local-use prefix may carry the address elsewhere (RFC 6052); it is refused
        # anyway unless allowed, and the /96 form is the one a local NAT64 hands out.
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    if address in IPV4_COMPATIBLE and int(address) > 1:  # not :: and ::1 themselves
        return ipaddress.IPv4Address(int(address))
    if address.sixtofour:
        return address.sixtofour
    if address.teredo:
        return address.teredo[1]
    return None


def refusal(address, *, host: str = "") -> str:
    """Why a connection to ``address`` is refused, or "" when it is allowed: refused unless
    provably public (``_inside_kind``) or allowed by ``FETCH_PRIVATE_HOSTS``."""
    embedded = _embedded_ipv4(address)
    if embedded is not None and (problem := refusal(embedded, host=host)):
        return problem
    if address in METADATA_ADDRESSES:
        return _("%(address)s is a cloud metadata address") % {"address": address}
    if address.is_unspecified:
        return _("%(address)s is an unspecified address") % {"address": address}
    if address.is_multicast:
        return _("%(address)s is a multicast address") % {"address": address}
    kind = _inside_kind(address)
    if kind is None or _allowed_private(address, host):
        return ""
    return _("%(address)s is %(kind)s, not on the public internet") % {
        "address": address,
        "kind": kind,
    }


def _inside_kind(address) -> str | None:
    """What kind of non-public address this is, or None when it is provably public. Python's
    ``is_global`` alone is not enough: on 3.11 it holds for ``::7f00:1`` and the local-use
    NAT64 prefix, which a local NAT64 turns into 169.254.169.254."""
    if address.version == 6 and (address.ipv4_mapped or address in NAT64_PREFIX):
        return None  # only a translation of its IPv4 address, which was checked as such
    if address.is_loopback:
        return _("a loopback address")
    if address.is_link_local:
        return _("a link-local address")
    if address.version == 6:
        if address in IPV4_COMPATIBLE:
            return _("an IPv4-compatible address (no longer in use)")
        if address in LOCAL_NAT64_PREFIX:
            return _("a local NAT64 address")
        if address in TEREDO_PREFIX:
            return _("a Teredo tunnel address")
    if address.is_reserved:
        return _("a reserved address")
    if address.is_private:
        return _("a private address")
    if not address.is_global or (address.version == 6 and address not in GLOBAL_UNICAST):
        return _("a special-purpose address")
    return None


def _allowed_private(address, host: str) -> bool:
    """``FETCH_PRIVATE_HOSTS``: host names (exact, any case), addresses or networks."""
    for entry in settings.FETCH_PRIVATE_HOSTS:
        entry = entry.strip().lower().rstrip(".")
        try:
            if address in ipaddress.ip_network(entry, strict=False):
                return True
        except ValueError:
            if entry and entry == host.lower():
                return True
    return False


def open_connection(address: str, port: int, timeout: float) -> socket.socket:
    """The only place that opens a socket (tests replace it to prove nothing was contacted)."""
    return socket.create_connection((address, port), timeout=timeout)


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """Connects to the checked address; the Host header still names the host. ``pinned`` keeps
    the socket after http.client lets go of it (``Connection: close``), for time-outs."""

    def __init__(self, host, port, *, address: str, timeout: float):
        super().__init__(host, port, timeout=timeout)
        self.address = address
        self.pinned = None

    def connect(self):
        self.sock = self.pinned = open_connection(self.address, self.port, self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """Connects to the checked address; SNI and the certificate check use the host name."""

    def __init__(self, host, port, *, address: str, timeout: float):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self.address = address
        self.pinned = None

    def connect(self):
        raw = open_connection(self.address, self.port, self.timeout)
        try:
            self.sock = self.pinned = self._context.wrap_socket(raw, server_hostname=self.host)
        except BaseException:
            raw.close()
            raise


class _Watchdog:
    """Cuts the connection at the deadline, whatever call is waiting on it (a server dripping
    header lines keeps each single read under its time-out)."""

    def __init__(self, connection, seconds: float):
        self.connection = connection
        self.timer = threading.Timer(seconds, self._cut)
        self.timer.daemon = True
        self.timer.start()

    def _cut(self):
        sock = self.connection.pinned
        if sock is not None:
            # The plain socket's shutdown, also under TLS: it wakes a blocked read at once.
            with contextlib.suppress(OSError):
                socket.socket.shutdown(sock, socket.SHUT_RDWR)

    def cancel(self):
        self.timer.cancel()
