"""A whole document uploaded with one bad chapter: by default the page writes nothing (all
chapters or none); unticked, it writes the readable chapters and lists the refused one."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kennisstad.planning.models import Chapter

pytestmark = pytest.mark.django_db

DOCUMENT = """Jaarstukken 2018

2.1.3 Vestigingsklimaat

Prestatie-indicatoren

Indicator\tBehaald 2017\tBehaald 2018
Aantal nieuwe vestigingen\t12\t15

2.1.4 Internationaal

Prestatie-indicatoren

Indicator\tBehaald 2017\tBehaald 2018
Aantal samenwerkingsprojecten\t4\t6,,0
"""


def post(client, **fields):
    data = {"file": SimpleUploadedFile("jaarstukken.txt", DOCUMENT.encode()), **fields}
    return client.post(reverse("planning:chapter-import"), data)


def test_by_default_a_refused_chapter_stops_the_whole_import(client_for, team_member):
    response = post(client_for(team_member), atomic="on")
    assert response.context["refused"] and not Chapter.objects.exists()
    assert "regel 15" in str(response.context["refused"])  # the unreadable cell


def test_unticked_the_readable_chapters_are_imported_and_the_other_listed(client_for, team_member):
    response = post(client_for(team_member))
    report = response.context["report"]
    assert list(Chapter.objects.values_list("policy_area__code", flat=True)) == ["2.1.3"]
    assert len(report.refusals) == 1 and "regel 15" in str(report.refusals[0])
    assert "de geweigerde staan hieronder" in response.content.decode()


def test_the_page_ticks_all_or_none_by_default(client_for, team_member):
    page = client_for(team_member).get(reverse("planning:chapter-import")).content.decode()
    assert 'name="atomic"' in page and 'id="id_atomic" checked' in page.replace("\n", " ")
