"""Limits on the public form, counted in the shared cache (Redis with ``REDIS_URL``), so every
app server counts the same posts and a script cannot spread them: per client address (an IPv6
client by its /64, which one household or server has whole) and per email address. Only posts
that pass the form's validation count: someone correcting typos is not held back."""

import hashlib
import ipaddress

from django.conf import settings
from django.core.cache import cache

from kennisstad.core.client_ip import client_ip


def client_key(address: str | None) -> str:
    """The address an IPv4 client posts from, or the /64 network of an IPv6 client."""
    if not address:
        return "unknown"
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def _count(key: str) -> int:
    seconds = settings.REGISTRATION_THROTTLE_SECONDS
    cache.add(key, 0, timeout=seconds)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=seconds)
        return 1


def allow_post(request, email: str = "") -> bool:
    """Count this (valid) post; False once its client network posted
    ``REGISTRATION_THROTTLE_COUNT`` times, or its email address
    ``REGISTRATION_THROTTLE_EMAIL_COUNT`` times, in the current window."""
    allowed = True
    limit = settings.REGISTRATION_THROTTLE_COUNT
    if limit > 0:
        key = f"kennisstad:registrations:posts:{client_key(client_ip(request))}"
        allowed = _count(key) <= limit
    email_limit = settings.REGISTRATION_THROTTLE_EMAIL_COUNT
    if email_limit > 0 and email:
        digest = hashlib.sha256(email.encode()).hexdigest()[:32]  # no address in the cache
        allowed = _count(f"kennisstad:registrations:email:{digest}") <= email_limit and allowed
    return allowed
