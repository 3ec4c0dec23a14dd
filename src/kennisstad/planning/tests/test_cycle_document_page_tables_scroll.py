"""At 320 px the document page's tables (amendments, progress, forecasts) scroll inside a
region of their own, as the other pages' wide tables do, instead of widening the page."""

import re

import pytest
from django.urls import reverse

from kennisstad.planning.models import Amendment
from kennisstad.planning.tests.cycle_setup import begroting
from kennisstad.policy.models import Document

pytestmark = pytest.mark.django_db


def test_each_table_on_the_document_page_is_in_a_scroll_region(client_for, team_member):
    document = begroting()
    report = Document.objects.create(kind="bestuursrapportage", year=2018, sequence=1)
    Amendment.objects.create(document=report, number="A1", description="x")
    page = client_for(team_member).get(reverse("planning:document-detail", args=[report.pk]))
    text = page.content.decode().split("<main")[-1]
    tables = text.count("<table")
    assert tables == 3, document
    wrapped = re.findall(
        r'<div class="ks-table-scroll" role="region" tabindex="0" '
        r'aria-labelledby="([\w-]+)"><table',
        text,
    )
    assert len(wrapped) == tables
    for heading in wrapped:
        assert f'id="{heading}"' in text
