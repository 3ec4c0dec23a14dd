"""Publishing a document freezes what it shows: later changes to realisations or targets do not
change it, the page says which value changed since, and adopted targets refuse to change."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from kennisstad.indicators.models import Indicator, Origin, Realisation, Target
from kennisstad.indicators.services import compute_all, save_target
from kennisstad.indicators.tests.factories import chapter_indicators
from kennisstad.planning.models import Chapter, ChapterIndicator
from kennisstad.planning.selectors import chapter_table
from kennisstad.planning.services import publish_document
from kennisstad.policy.models import Document, PolicyArea

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft_chapter():
    chapter_indicators()
    compute_all(years=[2015, 2016], measured_on=datetime.date(2017, 9, 1))
    document = Document.objects.create(kind="begroting", year=2018)
    chapter = Chapter.objects.create(
        document=document, policy_area=PolicyArea.objects.get(code="2.1.4")
    )
    for order, indicator in enumerate(Indicator.objects.filter(policy_area=chapter.policy_area)):
        ChapterIndicator.objects.create(chapter=chapter, indicator=indicator, order=order)
        Target.objects.create(
            indicator=indicator,
            year=2018,
            comparator=">",
            value=5,
            display_text="> 5",
            set_in=document,
        )
    return chapter


def cell_texts(chapter) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in chapter_table(chapter).rows]


def test_a_draft_follows_the_registry_and_a_published_document_does_not(draft_chapter, team_member):
    assert cell_texts(draft_chapter) == [["-", "2", "-", "> 5"], ["-", "2", "-", "> 5"]]
    publish_document(document=draft_chapter.document, user=team_member)
    indicator = Indicator.objects.get(code__endswith="samenwerking-kennis-innovatie")
    Realisation.objects.create(
        indicator=indicator,
        year=2016,
        value=8,
        origin=Origin.MANUAL,
        measured_on=datetime.date(2018, 4, 1),
        note="Jaarverslag 2017 telt anders",
    )
    draft_chapter.refresh_from_db()
    table = chapter_table(draft_chapter)
    assert [cell.text for cell in table.rows[0].cells] == ["-", "2", "-", "> 5"]
    changed = table.rows[0].cells[1]
    assert changed.current_text == "8"


def test_adopted_targets_cannot_change(draft_chapter, team_member):
    publish_document(document=draft_chapter.document, user=team_member)
    target = Target.objects.filter(set_in=draft_chapter.document).first()
    target.value = 6
    target.display_text = "> 6"
    with pytest.raises(ValidationError):
        save_target(target=target, user=team_member, expected_version=target.version)
    target.refresh_from_db()
    assert target.display_text == "> 5"


def test_the_chapter_page_says_which_value_changed_since(draft_chapter, team_member, client_for):
    publish_document(document=draft_chapter.document, user=team_member)
    indicator = Indicator.objects.get(code__endswith="profilering-kennisstad")
    Realisation.objects.create(
        indicator=indicator,
        year=2016,
        value=3,
        origin=Origin.MANUAL,
        measured_on=datetime.date(2018, 4, 1),
    )
    draft_chapter.refresh_from_db()
    page = client_for(team_member).get(reverse("planning:chapter-detail", args=[draft_chapter.pk]))
    text = page.content.decode()
    assert page.status_code == 200
    assert re.search(r'ks-changed-since">\s*\((?:now|nu) 3\)', text)
