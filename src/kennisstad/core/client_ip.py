"""The address a request came from, as the lockout (django-axes) and the logs should see it.

Behind a reverse proxy every request comes from the proxy, so the client's address is in a header
the proxy sets (X-Forwarded-For). That header is only believed for the proxies the municipality
says it runs (``KENNISSTAD_TRUSTED_PROXY_COUNT``): each trusted proxy appends the address it
received the request from, so the client is the entry that many places from the right. Entries
further left were written by whoever sent the request and may be forged; without a trusted proxy
the header is ignored and the connection's own address (REMOTE_ADDR) is the client.
"""

import ipaddress

from django.conf import settings


def header_meta_key(header: str) -> str:
    """``X-Forwarded-For`` -> ``HTTP_X_FORWARDED_FOR``, the key Django keeps it under."""
    return "HTTP_" + header.strip().upper().replace("-", "_")


def client_ip(request) -> str | None:
    """The client's address: REMOTE_ADDR, or with N trusted proxies the N-th entry from the
    right of the proxy header (the left-most one when the header holds fewer entries)."""
    remote = request.META.get("REMOTE_ADDR")
    count = getattr(settings, "KENNISSTAD_TRUSTED_PROXY_COUNT", 0)
    if count <= 0:
        return remote
    header = getattr(settings, "KENNISSTAD_TRUSTED_PROXY_HEADER", "X-Forwarded-For")
    value = request.META.get(header_meta_key(header), "")
    entries = [entry.strip() for entry in value.split(",") if entry.strip()]
    if not entries:
        return remote  # not through the proxy (e.g. a health check on the server itself)
    candidate = entries[-count] if len(entries) >= count else entries[0]
    return _address(candidate) or remote


def _address(value: str) -> str | None:
    """The IP address in a header entry (``[2001:db8::1]:443`` and ``192.0.2.1:443`` lose their
    port); None for anything that is no address, so a garbled header never becomes a key."""
    value = value.strip()
    if value.startswith("[") and "]" in value:
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:
        value = value.split(":", 1)[0]
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None
