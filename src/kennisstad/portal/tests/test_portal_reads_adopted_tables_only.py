"""The portal shows the indicator tables as adopted: it reads the frozen copies and does not
compute the live table per chapter (two queries each) only to throw the "changed since" marks
away."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kennisstad.indicators.models import Origin, Realisation
from kennisstad.planning import selectors
from kennisstad.planning.models import Chapter
from kennisstad.planning.tests.factories import adopt, adopted_seed, import_seed, seed_text
from kennisstad.policy.models import Document

pytestmark = pytest.mark.django_db


def queries_for_the_page(client) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse("portal:indicators")).status_code == 200
    return len(captured.captured_queries)


def test_more_published_chapters_cost_no_more_queries(client):
    adopted_seed()
    queries_for_the_page(client)  # the first request also reads what is cached afterwards
    one_chapter = queries_for_the_page(client)
    for code in ("2.1.5", "2.1.6", "2.1.7"):  # three more, in the next year's begroting
        text = seed_text().replace("Begroting 2018", "Begroting 2019", 1)
        import_seed(text.replace("2.1.4 ", f"{code} ", 1))
    adopt(Document.objects.get(year=2019), None)
    page = client.get(reverse("portal:indicators"))
    assert sum(len(item["chapters"]) for item in page.context["documents"]) == 4
    assert queries_for_the_page(client) == one_chapter


def test_the_portal_table_carries_no_changed_since_marks(client):
    adopted_seed()
    Realisation.objects.create(  # a later, different figure for a published cell
        indicator=Chapter.objects.get().table_rows.first().indicator,
        year=2016,
        value=3,
        origin=Origin.MANUAL,
        measured_on=datetime.date(2018, 4, 1),
    )
    part = client.get(reverse("portal:indicators")).context["documents"][0]["chapters"][0]
    assert part["table"].frozen
    assert not part["table"].changed_since
    assert selectors.chapter_table(part["chapter"]).changed_since  # the team's page marks it
