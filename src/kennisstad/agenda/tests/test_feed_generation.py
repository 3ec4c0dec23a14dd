"""The calendar's generation (the feed's ETag) changes with every committed write that could
change a feed, also one made without model signals and one made by another process, and is
kept where every process sees it: the database, or the cache when that is shared."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from kennisstad.agenda.models import Activity
from kennisstad.agenda.tests.factories import ActivityFactory
from kennisstad.core import generations
from kennisstad.core.models import Theme
from kennisstad.relations.tests.factories import PersonFactory

FEED = "/agenda/public.ics"
SRC = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize(
    ("sql", "expected"),
    [
        ('SELECT "agenda_activity"."id" FROM "agenda_activity"', set()),
        ('INSERT INTO "agenda_activity" ("uid") VALUES (%s)', {"calendar", "pages"}),
        ('UPDATE "core_theme" SET "slug" = %s', {"calendar", "pages"}),
        ('DELETE FROM "agenda_activity_themes" WHERE 1', {"calendar", "pages"}),
        ('UPDATE "relations_person" SET "last_name" = %s', {"pages"}),
        ('INSERT INTO "projects_project" ("title") VALUES (%s)', {"pages"}),
        ('UPDATE "django_session" SET "session_data" = %s', set()),
        ('INSERT INTO "axes_accessattempt" ("username") VALUES (%s)', set()),
        ('INSERT INTO "relations_personaldataaccess" ("person_id") VALUES (%s)', set()),
        ('UPDATE "accounts_user" SET "last_login" = %s WHERE "accounts_user"."id" = %s', set()),
        (
            'UPDATE "accounts_user" SET "role" = %s WHERE "accounts_user"."id" = %s',
            {"calendar", "pages"},
        ),
        ('ALTER TABLE "agenda_activity" ADD COLUMN "x" integer', {"calendar", "pages"}),
        ('INSERT INTO "a_table_no_model_knows" VALUES (1)', {"calendar", "pages"}),
    ],
)
def test_each_statement_touches_the_generations_it_can_change(sql, expected):
    assert generations.touched(sql) == expected


@pytest.mark.django_db
def test_a_bulk_update_without_signals_changes_the_feed(client):
    activity = ActivityFactory(title_nl="Open dag", visibility="public")
    etag = client.get(FEED)["ETag"]
    assert client.get(FEED, HTTP_IF_NONE_MATCH=etag).status_code == 304
    # As the personal-data purge does: a queryset update, no save, no signals.
    Activity.objects.filter(pk=activity.pk).update(
        description_nl="Zonder signalen", updated_at=timezone.now()
    )
    response = client.get(FEED, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert b"Zonder signalen" in response.content


@pytest.mark.django_db
def test_a_renamed_theme_changes_the_feed_but_a_changed_person_does_not(client):
    ActivityFactory(visibility="public")
    etag = client.get(FEED)["ETag"]
    PersonFactory()
    assert client.get(FEED, HTTP_IF_NONE_MATCH=etag).status_code == 304
    Theme.objects.update(name_nl="Anders")
    assert client.get(FEED, HTTP_IF_NONE_MATCH=etag).status_code == 200


@pytest.mark.django_db
def test_a_conditional_get_reads_no_activity(client, django_assert_max_num_queries):
    ActivityFactory(visibility="public")
    etag = client.get(FEED)["ETag"]
    with django_assert_max_num_queries(1):  # the generation's row, nothing else
        assert client.get(FEED, HTTP_IF_NONE_MATCH=etag).status_code == 304


CHANGE_IN_ANOTHER_PROCESS = textwrap.dedent(
    """
    import sys
    import django
    from django.conf import settings
    django.setup()
    if sys.argv[2]:
        settings.CACHES = {"default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": sys.argv[2]}}
    from kennisstad.agenda.models import Activity
    from django.utils import timezone
    Activity.objects.filter(pk=int(sys.argv[1])).update(
        title_nl="Gewijzigd elders", updated_at=timezone.now())
    """
)


@pytest.fixture(params=["database", "shared cache"])
def stamp_store(request, settings, tmp_path):
    """Where the generation lives: the database (a cache inside each process) or a cache all
    processes share (a file cache stands in for Redis)."""
    if request.param == "database":
        return ""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "cache"),
        }
    }
    return str(tmp_path / "cache")


@pytest.mark.django_db(transaction=True)
def test_a_change_made_by_another_process_changes_the_feed_at_once(client, stamp_store):
    if connection.vendor != "sqlite":
        pytest.skip("the other process reaches the SQLite test database by its file name")
    activity = ActivityFactory(title_nl="Open dag", visibility="public")
    etag = client.get(reverse("agenda:public-feed"))["ETag"]
    assert client.get(FEED, HTTP_IF_NONE_MATCH=etag).status_code == 304
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "kennisstad.conf.test",
        "DATABASE_URL": f"sqlite:///{connection.settings_dict['NAME']}",
        "PYTHONPATH": str(SRC),
    }
    subprocess.run(
        [sys.executable, "-c", CHANGE_IN_ANOTHER_PROCESS, str(activity.pk), stamp_store],
        env=environment,
        check=True,
        capture_output=True,
    )
    response = client.get(FEED, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert b"Gewijzigd elders" in response.content
    assert client.get(FEED, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


def test_bookkeeping_of_syncs_and_digests_keeps_the_generation():
    """A partner calendar's hourly sync time and the digest's sent-log change no feed: every
    calendar program would otherwise fetch the whole feed again each hour."""
    from kennisstad.core.generations import CALENDAR, touched

    assert (
        touched(
            'UPDATE "agenda_calendarsubscription" SET "last_synced_at" = %s, "last_error" = %s '
            'WHERE "id" = 1'
        )
        == set()
    )
    assert (
        touched('INSERT INTO "agenda_digestmail" ("user_id", "sent_on") VALUES (%s, %s)') == set()
    )
    assert CALENDAR in touched('UPDATE "agenda_calendarsubscription" SET "url" = %s')
