"""Fixtures shared by every app's tests: one user per role and API clients for them."""

import pytest
from rest_framework.test import APIClient

from kennisstad.accounts.models import Role
from kennisstad.accounts.tests.factories import UserFactory
from kennisstad.relations.tests.factories import OrganisationFactory


@pytest.fixture(autouse=True)
def _dutch_and_clean_cache(settings):
    settings.LANGUAGE_CODE = "nl"
    clean_cache()


def clean_cache() -> None:
    """Every test starts with an empty cache. With REDIS_URL (make test-production) the cache is
    a Redis database that the Celery broker may share: only our own keys go, never the whole
    database (FLUSHDB)."""
    from django.core.cache import caches
    from django.core.cache.backends.redis import RedisCache

    cache = caches["default"]  # the backend itself (django.core.cache.cache is a proxy)
    if not isinstance(cache, RedisCache):
        cache.clear()
        return
    client = cache._cache.get_client(write=True)
    keys = list(client.scan_iter(match=f"{cache.key_prefix}:*", count=1000))
    if keys:
        client.delete(*keys)


@pytest.fixture(scope="session")
def django_db_keepdb(request, django_db_modify_db_settings) -> bool:
    """The test database starts as a copy of a migrated template (``tests.migrated_copy``):
    Django then keeps it (``keepdb``) and ``pytest_sessionfinish`` removes it."""
    if request.config.getvalue("reuse_db"):
        return True
    if request.config.getvalue("nomigrations") or request.config.getvalue("create_db"):
        return False
    from django.db import connection

    from kennisstad.tests import migrated_copy

    test_name = connection.creation._get_test_db_name()
    request.config._kennisstad_copied_database = (connection.settings_dict, test_name)
    return migrated_copy.prepare(connection.settings_dict, test_name)


SEED_MIGRATIONS = (
    "kennisstad.core.migrations.0002_seed_themes",
    "kennisstad.projects.migrations.0002_seed_categories",
)


@pytest.fixture(autouse=True)
def _seeded_reference_data(request):
    """Themes, project categories and taakvelden come from data migrations. A transactional
    test (real commits, e.g. the concurrent-writers test) ends with a flush that empties them,
    and with pytest-xdist the tests after it on the same worker would find none: seed them
    again."""
    marker = request.node.get_closest_marker("django_db")
    if marker is None or marker.kwargs.get("transaction"):
        return
    request.getfixturevalue("db")
    import importlib

    from django.apps import apps

    from kennisstad.core.models import Theme

    if not Theme.objects.exists():
        for name in SEED_MIGRATIONS:
            importlib.import_module(name).seed(apps, None)
    from kennisstad.finances.models import Taakveld

    if not Taakveld.objects.exists():  # the national list, also from a data migration
        importlib.import_module("kennisstad.finances.migrations.0002_taakvelden").load_taakvelden(
            apps, None
        )


@pytest.fixture(autouse=True)
def _forced_logins_passed_the_second_factor(request, monkeypatch):
    """``force_login`` skips the whole sign-in, so it skips the second factor too: the session
    counts as verified, as one from the identity provider does (accounts.second_factor). The
    tests of the sign-in itself (marked ``real_sign_in``) sign in the real way instead."""
    if request.node.get_closest_marker("real_sign_in"):
        return
    from django.test import Client

    from kennisstad.accounts.second_factor import SSO_SESSION_KEY

    original = Client._login

    def _login(self, user, backend=None):
        original(self, user, backend)
        session = self.session
        session[SSO_SESSION_KEY] = True
        session.save()

    monkeypatch.setattr(Client, "_login", _login)


@pytest.fixture
def partner_organisation(db):
    return OrganisationFactory(name="Rijksuniversiteit Groningen", kind="knowledge")


@pytest.fixture
def administrator(db):
    return UserFactory(username="admin-user", role=Role.ADMINISTRATOR, is_superuser=True)


@pytest.fixture
def team_member(db):
    return UserFactory(username="team-user", role=Role.TEAM_MEMBER)


@pytest.fixture
def second_team_member(db):
    return UserFactory(username="team-user-2", role=Role.TEAM_MEMBER)


@pytest.fixture
def partner_editor(db, partner_organisation):
    return UserFactory(
        username="partner-user", role=Role.PARTNER_EDITOR, organisation=partner_organisation
    )


@pytest.fixture
def reader(db):
    return UserFactory(username="reader-user", role=Role.READER)


@pytest.fixture
def users_by_role(administrator, team_member, partner_editor, reader):
    return {
        "administrator": administrator,
        "team": team_member,
        "partner": partner_editor,
        "reader": reader,
        "anonymous": None,
    }


def _api_client(user):
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


@pytest.fixture
def api_client_for():
    return _api_client


@pytest.fixture
def client_for(client):
    def make(user):
        from django.test import Client

        web = Client()
        if user is not None:
            web.force_login(user)
        return web

    return make


def pytest_sessionfinish(session, exitstatus):
    """Django removes its SQLite test database but not the WAL and shared-memory files beside
    it: remove them too, so test runs leave nothing in the temporary folder; a database made
    from the migrated copy is Django's to keep, so it goes here (PostgreSQL's too)."""
    from pathlib import Path

    from django.conf import settings

    if not settings.configured:
        return
    copied = getattr(session.config, "_kennisstad_copied_database", None)
    if copied is not None and copied[0]["ENGINE"] == "django.db.backends.postgresql":
        from django.db import connections

        from kennisstad.tests import migrated_copy

        connections.close_all()
        migrated_copy.drop_postgresql(*copied)
    database = settings.DATABASES["default"]
    if database["ENGINE"] != "django.db.backends.sqlite3":
        return
    name = database.get("TEST", {}).get("NAME")
    if not name:
        return
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{name}{suffix}").unlink(missing_ok=True)
