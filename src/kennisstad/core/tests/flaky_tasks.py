"""A test-only task that fails with a passing error a given number of times, then succeeds. The
real-worker test loads it into ``celery worker`` with ``--include``; the fast tests run it
in-process. Its attempts are counted in Redis when REDIS_URL is set (the worker and the test
are different processes), otherwise in this process."""

import os
from collections import Counter

from kennisstad.core.background import background_task

_counts: Counter[str] = Counter()


def attempt(key: str) -> int:
    """Count one attempt under ``key``; the number of attempts so far."""
    url = os.environ.get("REDIS_URL")
    if not url:
        _counts[key] += 1
        return _counts[key]
    import redis

    client = redis.Redis.from_url(url)
    try:
        count = client.incr(f"kennisstad-test:flaky:{key}")
        client.expire(f"kennisstad-test:flaky:{key}", 600)
        return int(count)
    finally:
        client.close()


@background_task("tests.flaky", job="flaky")
def flaky(key: str, failures: int) -> dict[str, int]:
    """Raise ``ConnectionError`` (transient) on the first ``failures`` attempts."""
    count = attempt(key)
    if count <= failures:
        raise ConnectionError(f"attempt {count} of {key} fails on purpose")
    return {"attempts": count}


@background_task("tests.broken", job="broken")
def broken(key: str) -> dict[str, int]:
    """Fail for a reason that does not pass: never retried."""
    attempt(key)
    raise LookupError("a bug, not a passing error")
