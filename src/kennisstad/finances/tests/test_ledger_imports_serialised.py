"""Two imports at once must not both delete and then both insert (the set doubled): on
PostgreSQL an import takes a transaction-scoped advisory lock before it counts and writes;
SQLite's IMMEDIATE transactions already queue writers."""

from contextlib import contextmanager

import pytest
from django.db import connection

from kennisstad.finances import services
from kennisstad.policy.tests.factories import seed_policy_field

from .factories import ledger_csv, ledger_row


class _FakePostgres:
    vendor = "postgresql"

    def __init__(self):
        self.executed = []

    @contextmanager
    def cursor(self):
        yield self

    def execute(self, sql, params):
        self.executed.append((sql, params))


def test_on_postgresql_the_import_takes_the_advisory_transaction_lock():
    db = _FakePostgres()
    services._serialise_imports(db)
    assert db.executed == [("SELECT pg_advisory_xact_lock(%s)", [services.IMPORT_LOCK])]


def test_sqlite_begins_its_transactions_immediate_so_needs_no_lock(settings):
    db = _FakePostgres()
    db.vendor = "sqlite"
    services._serialise_imports(db)
    assert db.executed == []
    if connection.vendor == "sqlite":
        assert settings.DATABASES["default"]["OPTIONS"]["transaction_mode"] == "IMMEDIATE"


@pytest.mark.django_db
@pytest.mark.parametrize(("dry_run", "locks"), [(False, 1), (True, 0)])
def test_an_import_locks_inside_its_transaction_before_writing(monkeypatch, dry_run, locks):
    seed_policy_field()
    taken = []
    monkeypatch.setattr(
        services, "_serialise_imports", lambda: taken.append(connection.in_atomic_block)
    )
    services.import_ledger(data=ledger_csv([ledger_row()]), file_name="g.csv", dry_run=dry_run)
    assert taken == [True] * locks
