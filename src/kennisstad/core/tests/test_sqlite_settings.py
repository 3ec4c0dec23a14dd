"""The embedded SQLite database runs in WAL mode with IMMEDIATE transactions, so concurrent
writers wait for each other instead of failing with "database is locked"."""

import threading

import pytest
from django.db import connection, connections, transaction

from kennisstad.core.models import Theme

sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite-specific settings")


@sqlite_only
@pytest.mark.django_db
def test_sqlite_runs_with_a_busy_timeout_and_immediate_transactions():
    options = connection.settings_dict["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE"
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA busy_timeout")
        assert cursor.fetchone()[0] >= 5000
        cursor.execute("PRAGMA foreign_keys")
        assert cursor.fetchone()[0] == 1


@sqlite_only
@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_do_not_fail_with_database_locked(settings):
    if connection.settings_dict["NAME"].startswith(
        ("file:memorydb", ":memory:")
    ) or "mode=memory" in str(connection.settings_dict["NAME"]):
        pytest.skip(
            "needs a file database; pytest-django uses one per worker only with --create-db"
        )
    errors: list[Exception] = []

    def writer(number: int) -> None:
        try:
            for step in range(10):
                with transaction.atomic():
                    theme = Theme.objects.create(
                        slug=f"t-{number}-{step}", name_nl=f"Thema {number}"
                    )
                    theme.name_en = "Theme"
                    theme.save()
        except Exception as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert Theme.objects.filter(slug__startswith="t-").count() == 40
