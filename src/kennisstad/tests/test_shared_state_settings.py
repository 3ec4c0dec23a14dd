"""REDIS_URL makes the cache Redis (shared by every server); a malformed address, rate or log
format stops the server at startup instead of silently giving each process its own state."""

import os
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from kennisstad.conf.logs import logging_settings
from kennisstad.conf.shared_state import cache_settings, checked_rate, checked_redis_url

OPTIONS = {"key_prefix": "ks", "timeout": 600, "socket_timeout": 2, "max_entries": 1000}


def test_without_redis_the_cache_is_in_the_process():
    cache = cache_settings("", **OPTIONS)["default"]
    assert cache["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
    assert cache["OPTIONS"] == {"MAX_ENTRIES": 1000}
    assert cache["TIMEOUT"] == 600


def test_with_redis_it_is_djangos_redis_cache():
    cache = cache_settings("redis://cache.internal:6379/2", **OPTIONS)["default"]
    assert cache["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert cache["LOCATION"] == "redis://cache.internal:6379/2"
    assert cache["KEY_PREFIX"] == "ks"
    assert cache["TIMEOUT"] == 600
    assert cache["OPTIONS"]["socket_timeout"] == 2
    assert cache["OPTIONS"]["socket_connect_timeout"] == 2


@pytest.mark.parametrize(
    "url",
    [
        "redis://:secret@cache.internal:6379/0",
        "rediss://cache.internal:6380",
        "unix:///run/redis/redis.sock",
        "redis://[::1]:6379/15",
    ],
)
def test_good_addresses(url):
    assert checked_redis_url(url) == url


@pytest.mark.parametrize(
    "url",
    [
        "cache.internal:6379",
        "http://cache.internal:6379/0",
        "redis://",
        "redis://cache.internal:port/0",
        "redis://cache.internal:6379/zero",
        "redis://cache.internal:99999/0",
        "unix://",
    ],
)
def test_malformed_addresses_are_refused(url):
    with pytest.raises(ImproperlyConfigured, match="REDIS_URL"):
        checked_redis_url(url)


def test_rates():
    assert checked_rate("API_THROTTLE_ANON", " 600/min ") == "600/min"
    assert checked_rate("API_THROTTLE_USER", "10/s") == "10/s"
    for bad in ("600", "many/min", "0/min", "600/week", "/min", "-5/min"):
        with pytest.raises(ImproperlyConfigured, match="API_THROTTLE_ANON"):
            checked_rate("API_THROTTLE_ANON", bad)


def test_log_format():
    assert logging_settings("json", "INFO")["handlers"]["console"]["formatter"] == "json"
    with pytest.raises(ImproperlyConfigured, match="LOG_FORMAT"):
        logging_settings("yaml", "INFO")


def _production(**env) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "LOG_FORMAT")}
    environment.update(env, DJANGO_SETTINGS_MODULE="kennisstad.conf.production", SECRET_KEY="x")
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.CACHES['default']['BACKEND'], settings.LOGGING['handlers']"
        "['console']['formatter'], settings.API_THROTTLE)"
    )
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=environment
    )


def test_production_uses_redis_json_logs_and_rate_limits_and_refuses_a_bad_address():
    good = _production(REDIS_URL="redis://127.0.0.1:6379/0")
    assert good.returncode == 0, good.stderr
    assert good.stdout.split() == ["django.core.cache.backends.redis.RedisCache", "json", "True"]
    bad = _production(REDIS_URL="127.0.0.1:6379")
    assert bad.returncode != 0
    assert "REDIS_URL must start with redis://" in bad.stderr
