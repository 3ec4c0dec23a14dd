"""A document's download, the API's list of chapters and the portal compute every chapter's
table together: the number of queries does not grow with the number of chapters, and each
table is the one ``chapter_table`` gives for its chapter alone."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kennisstad.indicators.models import Origin, Realisation
from kennisstad.planning.chapter_import import import_chapter_text
from kennisstad.planning.models import Chapter
from kennisstad.planning.selectors import chapter_table, chapter_tables, chapters_with_content
from kennisstad.planning.tests.factories import adopt, seed_text
from kennisstad.policy.models import Document

pytestmark = pytest.mark.django_db

MORE_FIELDS = ("2.1.5", "2.1.6", "2.1.7")


def import_more_chapters(*, publish: bool) -> None:
    for code in MORE_FIELDS:
        import_chapter_text(text=seed_text().replace("2.1.4 ", f"{code} ", 1), publish=publish)


def queries(get) -> int:
    get()  # the first request also fills what is cached afterwards
    with CaptureQueriesContext(connection) as captured:
        assert get().status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize("publish", [True, False])
def test_a_documents_download_costs_the_same_for_one_chapter_or_four(client_for, reader, publish):
    import_chapter_text(text=seed_text(), publish=publish)
    web = client_for(reader)
    document = Document.objects.get(kind="begroting", year=2018)

    def download():
        return web.get(reverse("planning:document-export", args=[document.pk, "json"]))

    one = queries(download)
    import_more_chapters(publish=publish)
    assert len(download().json()["chapters"]) == 4
    assert queries(download) == one


def test_the_api_list_of_chapters_costs_the_same_for_one_chapter_or_four(api_client_for, reader):
    import_chapter_text(text=seed_text())
    api = api_client_for(reader)
    one = queries(lambda: api.get("/api/v1/chapters/"))
    import_more_chapters(publish=True)
    assert len(api.get("/api/v1/chapters/").json()["results"]) == 4
    assert queries(lambda: api.get("/api/v1/chapters/")) == one


def test_tables_computed_together_are_those_of_each_chapter_alone():
    import_chapter_text(text=seed_text())
    import_more_chapters(publish=False)
    first = Chapter.objects.get(policy_area__code="2.1.4")
    Realisation.objects.create(  # the published chapter now has a changed-since mark
        indicator=first.table_rows.first().indicator,
        year=2016,
        value=3,
        origin=Origin.MANUAL,
        measured_on=datetime.date(2018, 4, 1),
    )
    chapters = list(chapters_with_content().order_by("policy_area__code"))
    together = chapter_tables(chapters)
    assert together == [chapter_table(chapter) for chapter in chapters]
    assert together[0].frozen and together[0].changed_since
    assert not any(table.frozen for table in together[1:])
    assert all(table.rows for table in together)


def publishing_queries(user) -> int:
    document = Document.objects.get(kind="begroting", year=2018)
    with CaptureQueriesContext(connection) as captured:
        adopt(document, user)
    return len(captured.captured_queries)


def test_publishing_reads_the_registry_once_for_all_chapters(team_member):
    import_chapter_text(text=seed_text(), publish=False)
    one = publishing_queries(team_member)
    Document.objects.update(status="draft")  # and once more, with four draft chapters
    Chapter.objects.update(frozen_table=None)
    import_more_chapters(publish=False)
    four = publishing_queries(team_member)
    assert Chapter.objects.filter(frozen_table__isnull=False).count() == 4
    assert four - one <= 3 * 3  # its own writes per further chapter; no registry reads (5 before)
