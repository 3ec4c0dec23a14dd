"""The upload page imports a document as .txt and as .md (the formats it can read now), with
its kind, year and publication date, and shows the report."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kennisstad.planning.tests.factories import seed_text
from kennisstad.policy.models import Document

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["chapter.txt", "chapter.md"])
def test_each_text_format_is_imported(client_for, team_member, name):
    response = client_for(team_member).post(
        reverse("planning:chapter-import"),
        {
            "file": SimpleUploadedFile(name, seed_text().encode()),
            "kind": "begroting",
            "year": "2018",
            "published_on": "2017-11-09",
        },
    )
    assert response.status_code == 200
    report = response.context["report"]
    assert not report.dry_run and report.figures
    document = Document.objects.get()
    assert document.imported and str(document.published_on) == "2017-11-09"
    assert not document.is_adopted


def test_a_format_it_cannot_read_is_refused(client_for, team_member):
    response = client_for(team_member).post(
        reverse("planning:chapter-import"),
        {"file": SimpleUploadedFile("chapter.odt", b"PK..."), "dry_run": "on"},
    )
    assert response.context["refused"] and not Document.objects.exists()
