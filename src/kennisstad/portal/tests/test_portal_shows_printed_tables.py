"""The public portal shows a published imported chapter's tables as its document prints them:
label, columns with label and year, every cell as printed, footnote marks and notes."""

import pytest
from django.urls import reverse

from kennisstad.planning.tests.factories import (
    PRINTED_FOOTNOTE,
    PRINTED_NOTE,
    PRINTED_TABLES,
    import_printed_tables,
    tables_in_html,
)
from kennisstad.policy.models import Document, DocumentStatus

pytestmark = pytest.mark.django_db


def test_the_portal_shows_each_printed_table_as_printed(client):
    chapter = import_printed_tables()
    Document.objects.filter(pk=chapter.document_id).update(status=DocumentStatus.PUBLISHED)
    client.cookies["django_language"] = "en"
    text = client.get(reverse("portal:indicators")).content.decode()
    area = str(chapter.policy_area)
    expected = [
        (f"{label} — {area}", [["No." if t == "Nr" else t for t in rows[0]], *rows[1:]])
        for label, rows in PRINTED_TABLES
    ]
    assert tables_in_html(text) == expected
    assert PRINTED_NOTE in text and PRINTED_FOOTNOTE in text
    indicator = chapter.printed_tables[0]["rows"][0]["indicator"]
    assert reverse("indicators:indicator-detail", args=[indicator]) not in text  # no registry
