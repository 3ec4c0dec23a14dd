"""Printed tables are read with their chapter: a document's download, the API's list of
chapters and the portal cost the same number of queries for one imported chapter or three."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kennisstad.planning.document_import import import_document
from kennisstad.planning.tests.factories import printed_tables_document
from kennisstad.policy.models import Document, DocumentStatus

pytestmark = pytest.mark.django_db


def queries(get) -> int:
    get()  # the first request also fills what is cached afterwards
    with CaptureQueriesContext(connection) as captured:
        assert get().status_code == 200
    return len(captured.captured_queries)


def imported(*codes: str) -> Document:
    import_document(printed=printed_tables_document(*codes))
    document = Document.objects.get(kind="jaarstukken", year=2018)
    Document.objects.filter(pk=document.pk).update(status=DocumentStatus.PUBLISHED)
    return document


@pytest.mark.parametrize("fmt", ["json", "md", "docx"])
def test_a_download_costs_the_same_for_one_printed_chapter_or_three(client_for, reader, fmt):
    document = imported("2.1.4")
    web = client_for(reader)

    def download():
        return web.get(reverse("planning:document-export", args=[document.pk, fmt]))

    one = queries(download)
    imported("2.1.5", "2.1.6")
    assert queries(download) == one


def test_the_api_and_the_portal_cost_the_same_for_one_printed_chapter_or_three(
    api_client_for, reader, client
):
    imported("2.1.4")
    api = api_client_for(reader)
    one = [
        queries(lambda: api.get("/api/v1/chapters/")),
        queries(lambda: client.get(reverse("portal:indicators"))),
    ]
    imported("2.1.5", "2.1.6")
    assert len(api.get("/api/v1/chapters/").json()["results"][0]["tables"]) == 2
    three = [
        queries(lambda: api.get("/api/v1/chapters/")),
        queries(lambda: client.get(reverse("portal:indicators"))),
    ]
    assert three == one
