"""A document's download, the API's list of chapters and the portal compute every chapter's
table together: the number of queries does not grow with the number of chapters, and each
table is the one ``chapter_table`` gives for its chapter alone. (The chapters here show their
standard table, as chapters Kennisstad writes do; tables as printed are read with their chapter:
``test_printed_tables_cost_fixed_queries``.)"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kennisstad.indicators.models import Origin, Realisation
from kennisstad.planning.models import Chapter
from kennisstad.planning.selectors import chapter_table, chapter_tables, chapters_with_content
from kennisstad.planning.tests.factories import adopt, import_seed, seed_text
from kennisstad.policy.models import Document

pytestmark = pytest.mark.django_db

MORE_FIELDS = ("2.1.5", "2.1.6", "2.1.7")


def begroting(year: int, *codes: str, adopted_by=None) -> Document:
    """Begroting ``year`` with the seed chapter under each code, showing its standard table;
    adopted (its tables frozen) when ``adopted_by`` is given."""
    for code in codes:
        text = seed_text().replace("Begroting 2018", f"Begroting {year}", 1)
        import_seed(text.replace("2.1.4 ", f"{code} ", 1))
    Chapter.objects.update(printed_tables=[])
    document = Document.objects.get(kind="begroting", year=year)
    return adopt(document, adopted_by) if adopted_by else document


def queries(get) -> int:
    get()  # the first request also fills what is cached afterwards
    with CaptureQueriesContext(connection) as captured:
        assert get().status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize("adopted", [True, False])
def test_a_documents_download_costs_the_same_for_one_chapter_or_four(
    client_for, reader, team_member, adopted
):
    adopted_by = team_member if adopted else None
    one_chapter = begroting(2018, "2.1.4", adopted_by=adopted_by)
    four_chapters = begroting(2019, "2.1.4", *MORE_FIELDS, adopted_by=adopted_by)
    web = client_for(reader)

    def download(document):
        return lambda: web.get(reverse("planning:document-export", args=[document.pk, "json"]))

    assert len(download(four_chapters)().json()["chapters"]) == 4
    assert queries(download(four_chapters)) == queries(download(one_chapter))


def test_the_api_list_of_chapters_costs_the_same_for_one_chapter_or_four(
    api_client_for, reader, team_member
):
    begroting(2018, "2.1.4", adopted_by=team_member)
    api = api_client_for(reader)
    one = queries(lambda: api.get("/api/v1/chapters/"))
    begroting(2019, *MORE_FIELDS, adopted_by=team_member)
    assert len(api.get("/api/v1/chapters/").json()["results"]) == 4
    assert queries(lambda: api.get("/api/v1/chapters/")) == one


def test_tables_computed_together_are_those_of_each_chapter_alone(team_member):
    begroting(2018, "2.1.4", adopted_by=team_member)
    begroting(2019, *MORE_FIELDS)
    first = Chapter.objects.get(policy_area__code="2.1.4")
    Realisation.objects.create(  # the adopted chapter now has a changed-since mark
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


def adopting_queries(document: Document, user) -> int:
    with CaptureQueriesContext(connection) as captured:
        adopt(document, user)
    return len(captured.captured_queries)


def test_adopting_reads_the_registry_once_for_all_chapters(team_member):
    one = adopting_queries(begroting(2018, "2.1.4"), team_member)
    four = adopting_queries(begroting(2019, "2.1.4", *MORE_FIELDS), team_member)
    assert Chapter.objects.filter(frozen_table__isnull=False).count() == 5
    # Per further chapter: its own three writes, and the personal-data index's upkeep of the
    # chapter and its history row (read, delete, two inserts); no registry reads (5 before).
    own_writes, index_upkeep = 3, 4
    assert four - one <= 3 * (own_writes + index_upkeep)
