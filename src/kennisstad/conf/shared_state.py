"""What several app servers must share, read from the environment: the cache (Redis when
``REDIS_URL`` is set, so every server serves the same feed and counts the same rate limits) and
the API's rate limits. A malformed value stops the server at startup instead of degrading to a
per-process cache that would let two servers disagree."""

from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from .env import env_str

REDIS_SCHEMES = {"redis", "rediss", "unix"}
# DRF reads a rate as "<requests>/<period>" and only the period's first letter.
RATE_PERIODS = {"s", "m", "h", "d"}


def checked_redis_url(url: str) -> str:
    """``url`` when it names a Redis server redis-py can reach, else ImproperlyConfigured."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a port that is not a number
    except ValueError as exc:
        raise ImproperlyConfigured(f"REDIS_URL is not a valid address: {exc}") from exc
    if parts.scheme not in REDIS_SCHEMES:
        raise ImproperlyConfigured(
            f"REDIS_URL must start with redis://, rediss:// or unix://, got {parts.scheme!r}."
        )
    if parts.scheme == "unix":
        if not parts.path:
            raise ImproperlyConfigured("REDIS_URL unix:// needs the socket's path.")
        return url
    if not parts.hostname:
        raise ImproperlyConfigured("REDIS_URL needs a host, e.g. redis://127.0.0.1:6379/0.")
    database = parts.path.strip("/")
    if database and not database.isdigit():
        raise ImproperlyConfigured(
            f"REDIS_URL's path is the database number (redis://host:6379/0), got {database!r}."
        )
    return url


def cache_settings(
    redis_url: str,
    *,
    key_prefix: str,
    timeout: int,
    socket_timeout: int,
    max_entries: int,
) -> dict:
    """Django's CACHES: RedisCache on ``redis_url`` when set (shared by every server and
    process), otherwise a cache inside the process (one server, ``make run``)."""
    if not redis_url:
        return {
            "default": {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "LOCATION": "kennisstad",
                "TIMEOUT": timeout,
                # Feeds cache each event's text separately (agenda.ical), so room for many.
                "OPTIONS": {"MAX_ENTRIES": max_entries},
            }
        }
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": checked_redis_url(redis_url),
            "KEY_PREFIX": key_prefix,
            "TIMEOUT": timeout,
            # A Redis that stops answering makes a page slow for this long, not for ever.
            "OPTIONS": {
                "socket_connect_timeout": socket_timeout,
                "socket_timeout": socket_timeout,
                "health_check_interval": 30,
            },
        }
    }


def checked_rate(name: str, value: str) -> str:
    """A DRF rate such as ``600/min``: a number of requests per second, minute, hour or day."""
    count, _, period = value.strip().partition("/")
    if not count.isdigit() or int(count) < 1 or period[:1] not in RATE_PERIODS:
        raise ImproperlyConfigured(
            f"{name} must be a rate such as 600/min (per sec, min, hour or day), got {value!r}."
        )
    return value.strip()


def throttle_settings() -> dict:
    """DRF's rate-limit settings: per client address without an account (``API_THROTTLE_ANON``)
    and per account (``API_THROTTLE_USER``), generous by default; ``API_THROTTLE=false`` (the
    setting of that name) switches them off. The client's address comes from the trusted reverse
    proxies' header only (``KENNISSTAD_TRUSTED_PROXY_COUNT``, as for the lockout)."""
    return {
        "DEFAULT_THROTTLE_CLASSES": [
            "kennisstad.core.throttling.AnonymousRateThrottle",
            "kennisstad.core.throttling.AccountRateThrottle",
        ],
        "DEFAULT_THROTTLE_RATES": {
            "anon": checked_rate("API_THROTTLE_ANON", env_str("API_THROTTLE_ANON", "1200/min")),
            "user": checked_rate("API_THROTTLE_USER", env_str("API_THROTTLE_USER", "6000/min")),
        },
    }
