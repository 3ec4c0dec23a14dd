"""What every benchmark shares: a database of its own, and timing with medians.

``setup_django`` builds a fresh SQLite database in ``var_dir``, or, with DATABASE_URL set to a
PostgreSQL server, creates a database of its own there (never touching the one the URL names);
``teardown_django`` drops it again. SQLite databases start as a copy of the migrated template
the tests use (``_migrate_sqlite``).
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def setup_django(var_dir: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kennisstad.conf.test")
    os.environ["KENNISSTAD_VAR_DIR"] = var_dir
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{var_dir}/bench.sqlite3")
    import django

    django.setup()
    import logging

    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import setup_test_environment

    setup_test_environment()  # allows the test client's host name, keeps mail in memory
    logging.getLogger("django.request").setLevel(logging.CRITICAL)
    logging.getLogger("axes").setLevel(logging.WARNING)
    if connection.vendor == "postgresql":
        connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    else:
        _migrate_sqlite(connection, call_command)


def _migrate_sqlite(connection, call_command) -> None:
    """Migrating from nothing takes a minute: a new database file starts as a copy of the
    migrated template the test suite also uses (``kennisstad.tests.migrated_copy``)."""
    from kennisstad.tests import migrated_copy

    name = str(connection.settings_dict["NAME"])
    target = Path(name)
    if name != ":memory:" and (not target.exists() or target.stat().st_size == 0):
        connection.close()
        migrated_copy.copy_sqlite_template(target)
    call_command("migrate", verbosity=0)  # nothing left to do after a copy: a few seconds


def teardown_django() -> None:
    from django.db import connection

    if connection.vendor == "postgresql":
        connection.creation.destroy_test_db(connection.settings_dict["NAME"], verbosity=0)


def timed(function, repeat: int) -> tuple[float, object]:
    """Median milliseconds of ``repeat`` calls, and the last call's result."""
    timings, result = [], None
    for _ in range(repeat):
        begin = time.perf_counter()
        result = function()
        timings.append((time.perf_counter() - begin) * 1000)
    return statistics.median(timings), result


def measure(client, url: str, repeat: int) -> tuple[float, float, int, int]:
    """A page requested ``repeat`` times after one warm-up: median and 95th percentile
    milliseconds, the number of SQL queries and the status code."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm caches and connections
    timings = []
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as queries:
            begin = time.perf_counter()
            response = client.get(url)
            if response.streaming:
                b"".join(response.streaming_content)
            timings.append((time.perf_counter() - begin) * 1000)
    timings.sort()
    p95 = timings[min(len(timings) - 1, int(len(timings) * 0.95))]
    return statistics.median(timings), p95, len(queries.captured_queries), response.status_code
