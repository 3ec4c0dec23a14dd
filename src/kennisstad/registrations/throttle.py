"""A limit per client address on the public form, counted in the shared cache (Redis with
``REDIS_URL``), so every app server counts the same posts and a script cannot spread them."""

from django.conf import settings
from django.core.cache import cache

from kennisstad.core.client_ip import client_ip


def allow_post(request) -> bool:
    """Count this post; False once the address posted ``REGISTRATION_THROTTLE_COUNT`` times in
    the current window."""
    limit = settings.REGISTRATION_THROTTLE_COUNT
    if limit <= 0:
        return True
    key = f"kennisstad:registrations:posts:{client_ip(request) or 'unknown'}"
    cache.add(key, 0, timeout=settings.REGISTRATION_THROTTLE_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=settings.REGISTRATION_THROTTLE_SECONDS)
        count = 1
    return count <= limit
