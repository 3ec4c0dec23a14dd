"""Generations: a cheap stamp that changes whenever data a cached answer is built from changes,
so a feed answers a conditional GET, and a public page comes from the cache, without reading
the data itself.

Why a stamp and not an aggregate over the data: the aggregate cost as much as the feed (a
conditional GET at 311 requests/s against 282 for the whole feed). Why it is bumped from the SQL
and not from model signals: bulk inserts, ``QuerySet.update()`` (the personal-data purge rewrites
activity descriptions that way), raw SQL and migrations send no signals; every write through
Django passes ``execute``, so watching it misses nothing. A write to a table of a Kennisstad app
bumps ``pages``; one of ``agenda``, ``core`` or ``accounts`` also bumps ``calendar``; a table
no model knows (a migration's) bumps both; tables of Django's and libraries' own apps (sessions,
login attempts, task results) and logs written while reading bump nothing.

Where it lives: in the cache when that is shared by every process (Redis), in the database when
the cache lives inside each process; never only in process memory, or two workers would answer
different ETags for the same data. It is bumped after the commit, so a reader that sees the new
stamp also sees the new data (the other way round, an old stamp with new data, only costs one
cache entry). Inside an open transaction the writing connection sees a stamp of its own, so a
feed read in the same transaction (the tests) changes too.
"""

import itertools
import logging
import os
import re
import time
import uuid
from dataclasses import dataclass

from django.core.cache import cache, caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connection

CALENDAR = "calendar"
PAGES = "pages"
CALENDAR_APPS = {"agenda", "core", "accounts"}
TABLE = "core_cachegeneration"
# Written while reading (who looked at whose personal data) or at every sign-in: never shown.
# Bookkeeping that changes no feed or page either: the digest's sent-log, and a partner
# calendar's last sync (hourly; a feed changing with it would make every calendar program
# fetch the whole feed again each hour).
QUIET_TABLES = {
    TABLE,
    "relations_personaldataaccess",
    "agenda_digestmail",
    "relations_personaldatatoken",  # follows the write of the row it indexes
}
QUIET_STATEMENTS = (
    'UPDATE "accounts_user" SET "last_login" = ',
    'UPDATE "agenda_calendarsubscription" SET "last_synced_at" = ',
)
# A stamp in a shared cache is renewed at least this often: a restore or an edit made behind
# Django's back shows within this time.
CACHE_SECONDS = 6 * 3600
READING = ("SELECT", "SAVEPOINT", "RELEASE", "ROLLBACK", "BEGIN", "COMMIT", "SET", "SHOW")
WRITTEN_TABLE = re.compile(
    r'\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM|REPLACE\s+INTO)\s+["`]?(\w+)', re.I
)
_local_numbers = itertools.count(1)
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Generation:
    token: str  # differs for every state of the data it covers
    changed_at: float  # seconds since the epoch (Last-Modified); 0 when not known


def current(name: str) -> Generation:
    """The generation ``name`` as every process sees it (plus this connection's own
    uncommitted writes)."""
    stored = _read_cache(name) if _shared_cache() else _read_database(name)
    local = _local_state()
    if local is not None and name in local.tokens:
        token, changed_at = local.tokens[name]
        return Generation(f"{stored.token}.{token}", changed_at)
    return stored


def bump(*names: str) -> None:
    """A new generation for ``names`` (everything when none are given), now: for writes
    Django cannot see, such as a restored database."""
    _store(set(names) or {CALENDAR, PAGES})


def _shared_cache() -> bool:
    # The backend itself: ``cache`` is a proxy, never an instance of a backend class.
    return not isinstance(caches["default"], LocMemCache | DummyCache)


def _read_cache(name: str) -> Generation:
    key = f"kennisstad:generation:{name}"
    value = cache.get(key)
    if value is None:  # first use, or evicted: any new value is safe (one rebuild)
        cache.add(key, _new_value(), CACHE_SECONDS)
        value = cache.get(key) or _new_value()
    changed_at, _, token = value.partition(":")
    return Generation(token, float(changed_at))


def _new_value() -> str:
    return f"{time.time():.6f}:{uuid.uuid4().hex}"


def _read_database(name: str) -> Generation:
    try:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT value, changed_at FROM {TABLE} WHERE name = %s", [name])
            row = cursor.fetchone()
    except DatabaseError:  # before the migration that creates the table
        return Generation("none", 0.0)
    # The time with the number: a restored table repeats numbers served before the restore.
    return Generation(f"{row[0]}-{row[1]:.6f}", row[1]) if row else Generation("0", 0.0)


def _store(names: set[str]) -> None:
    if _shared_cache():
        cache.set_many({f"kennisstad:generation:{n}": _new_value() for n in names}, CACHE_SECONDS)
        return
    now = time.time()
    try:
        with connection.cursor() as cursor:
            for name in sorted(names):
                cursor.execute(
                    f"UPDATE {TABLE} SET value = value + 1, changed_at = %s WHERE name = %s",
                    [now, name],
                )
                if cursor.rowcount == 0:
                    cursor.execute(
                        f"INSERT INTO {TABLE} (name, value, changed_at) VALUES (%s, 1, %s)",
                        [name, now],
                    )
    except DatabaseError:
        if connection.in_atomic_block or _table_exists():
            raise  # a real failure (a locked database): the caller logs it, never silently
        # The table does not exist yet (migrating an empty database): nothing to invalidate.


def _table_exists() -> bool:
    try:
        with connection.cursor() as cursor:
            return TABLE in connection.introspection.table_names(cursor)
    except DatabaseError:
        return True  # cannot tell: treat the failure as real


@dataclass
class _Local:
    """What one connection wrote in its open transaction; valid while ``hooks`` is still the
    connection's list of on-commit hooks (a commit or rollback replaces that list)."""

    hooks: list
    names: set  # what the on-commit hook will bump
    tokens: dict  # name -> (token, time) of the last write that touched it


def _local_state():
    local = getattr(connection, "_kennisstad_generations", None)
    if local is None or local.hooks is not connection.run_on_commit:
        return None
    return local


def _tables() -> dict[str, str]:
    """Table name -> app label of every model, automatic many-to-many tables included."""
    from django.apps import apps

    return {
        model._meta.db_table: model._meta.app_label
        for model in apps.get_models(include_auto_created=True)
    }


_table_apps: dict[str, str] = {}
_own_apps: set[str] = set()


def touched(sql: str) -> set[str]:
    """The generations a statement changes (none for a read)."""
    head = sql.lstrip()[:10].upper()
    if head.startswith(READING) or head.startswith(("PRAGMA", "EXPLAIN", "VALUES")):
        return set()
    if sql.lstrip().startswith(QUIET_STATEMENTS):
        return set()
    match = WRITTEN_TABLE.match(sql)
    if match is None:  # schema changes, or a statement we cannot read: both, to be safe
        return {CALENDAR, PAGES}
    if not _table_apps:
        from django.apps import apps

        _table_apps.update(_tables())
        configs = apps.get_app_configs()
        _own_apps.update(c.label for c in configs if c.name.startswith("kennisstad."))
    table = match.group(1).lower()
    if table in QUIET_TABLES:
        return set()
    app = _table_apps.get(table)
    if app is None:
        return {CALENDAR, PAGES}
    if app not in _own_apps:
        return set()
    return {CALENDAR, PAGES} if app in CALENDAR_APPS else {PAGES}


def _written(names: set[str]) -> None:
    if not connection.in_atomic_block:
        try:
            _store(names)  # autocommit: the statement is committed already
        except Exception:  # the write stands; a stale stamp lasts CACHE_SECONDS at most
            logger.exception("Could not bump the generations %s", sorted(names))
        return
    local = _local_state()
    if local is None:
        local = _Local(connection.run_on_commit, set(), {})
        connection._kennisstad_generations = local
        pending = local.names  # the set the hook will store, filled by later writes too
        connection.on_commit(lambda: _store(pending), robust=True)
    local.names |= names
    stamp = (f"{os.getpid()}-{next(_local_numbers)}", time.time())
    local.tokens.update(dict.fromkeys(names, stamp))


def watch(execute, sql, params, many, context):
    """An execute wrapper (installed on every connection by ``install``)."""
    result = execute(sql, params, many, context)
    if context["connection"].alias != DEFAULT_DB_ALIAS:
        return result  # another database (a restore's target): not what is served
    names = touched(sql) if isinstance(sql, str) else {CALENDAR, PAGES}
    if names:
        _written(names)
    return result


def install(sender, connection, **kwargs) -> None:
    """``connection_created`` receiver: watch this connection's writes."""
    if watch not in connection.execute_wrappers:
        connection.execute_wrappers.insert(0, watch)
