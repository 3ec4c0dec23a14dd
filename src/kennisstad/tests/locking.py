"""Holding the database's write lock from a second connection, as a long import in another
process would, to test what the application does meanwhile (on a file database only)."""

import contextlib
import sqlite3

from django.db import connection


@contextlib.contextmanager
def another_writer_holds_the_lock(wait_ms: int = 200):
    """A second connection holds the write lock; ours gives up after ``wait_ms``, not 30 s.
    SQLite: BEGIN IMMEDIATE on the same file. PostgreSQL: the tables the tests write to are
    locked, and our connection's lock_timeout is short."""
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        other = sqlite3.connect(connection.settings_dict["NAME"], isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        wait = f"PRAGMA busy_timeout={wait_ms}"
    else:
        import psycopg

        settings = connection.settings_dict
        other = psycopg.connect(
            dbname=settings["NAME"],
            user=settings["USER"],
            host=settings["HOST"],
            port=settings["PORT"] or None,
            password=settings["PASSWORD"] or None,
        )
        other.execute(
            "LOCK TABLE relations_interaction, relations_organisation, agenda_activity,"
            " accounts_user IN EXCLUSIVE MODE"
        )
        wait = f"SET lock_timeout = '{wait_ms}ms'"
    with connection.cursor() as cursor:
        cursor.execute(wait)
    try:
        yield
    finally:
        other.rollback()
        other.close()
        connection.close()  # the next test connects with the configured timeouts again
