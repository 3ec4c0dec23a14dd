"""With REDIS_URL (make test-production) the test process's own cache is Redis too, and cleaning
it between tests removes only Kennisstad's keys: the Celery broker may use the same database, and
a FLUSHDB would drop its queues under a running worker."""

import os

import pytest
import redis
from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache

from kennisstad.conftest import clean_cache

pytestmark = pytest.mark.production


def test_cleaning_keeps_other_keys():
    url = os.environ.get("REDIS_URL", "")
    if not url:
        pytest.fail("needs REDIS_URL (make test-production sets it)")
    assert isinstance(caches["default"], RedisCache)
    client = redis.Redis.from_url(url)
    foreign = f"not-kennisstad-{os.getpid()}"
    try:
        client.set(foreign, "a queued task")
        cache.set("ours", "cached")
        clean_cache()
        assert cache.get("ours") is None
        assert client.get(foreign) == b"a queued task"
    finally:
        client.delete(foreign)
        client.close()
