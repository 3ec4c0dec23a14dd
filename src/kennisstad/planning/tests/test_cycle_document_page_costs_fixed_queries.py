"""The document page costs the same number of queries however many actions, amendments,
progress reports and forecasts it lists: each list is read in one go."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kennisstad.indicators.models import Indicator
from kennisstad.planning.models import Action, Amendment, Section
from kennisstad.planning.services import record_action_progress, record_forecast
from kennisstad.planning.tests.cycle_setup import begroting
from kennisstad.policy.models import Document

pytestmark = pytest.mark.django_db


def _grow(report: Document, begroting_doc: Document, user, start: int, count: int) -> None:
    chapter = begroting_doc.chapters.get()
    section = Section.objects.filter(chapter=chapter).first()
    indicator = Indicator.objects.order_by("code").first()
    for n in range(start, start + count):
        action = Action.objects.create(chapter=chapter, text_nl=f"Actie {n}", order=10 + n)
        record_action_progress(report=report, action=action, status="gereed", user=user)
        for document in (report, begroting_doc):
            Amendment.objects.create(
                document=document,
                number=f"A{n}",
                description="x",
                indicator=indicator,
                year=2018,
                new_target="> 6",
            )
        Amendment.objects.create(
            document=begroting_doc, number=f"S{n}", description="x", section=section, new_text="y"
        )
    for indicator in Indicator.objects.all():
        record_forecast(report=report, indicator=indicator, year=2018, value="6", user=user)


@pytest.mark.parametrize("kind", ["begroting", "bestuursrapportage"])
def test_the_document_page_does_not_grow_with_its_lists(
    client_for, team_member, django_assert_max_num_queries, kind
):
    document = begroting()
    report = Document.objects.create(kind="bestuursrapportage", year=2018, sequence=1)
    shown = report if kind == "bestuursrapportage" else document
    client = client_for(team_member)
    _grow(report, document, team_member, 0, 1)
    client.get(reverse("planning:document-detail", args=[shown.pk]))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("planning:document-detail", args=[shown.pk]))
    _grow(report, document, team_member, 1, 6)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(reverse("planning:document-detail", args=[shown.pk]))
    assert page.status_code == 200
