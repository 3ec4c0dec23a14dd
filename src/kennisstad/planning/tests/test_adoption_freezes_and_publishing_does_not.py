"""The council's adoption freezes what a document shows: later changes to realisations or targets
do not change it, the page says which value changed since, and adopted targets refuse to change.
Publishing freezes nothing: a document is published once adopted, and an imported, published
document that nobody recorded as adopted keeps its targets open."""

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
from kennisstad.planning.tests.factories import adopt
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


def test_a_draft_follows_the_registry_and_an_adopted_document_does_not(draft_chapter, team_member):
    assert cell_texts(draft_chapter) == [["-", "2", "-", "> 5"], ["-", "2", "-", "> 5"]]
    adopt(draft_chapter.document, team_member)
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
    adopt(draft_chapter.document, team_member)
    target = Target.objects.filter(set_in=draft_chapter.document).first()
    target.value = 6
    target.display_text = "> 6"
    with pytest.raises(ValidationError):
        save_target(target=target, user=team_member, expected_version=target.version)
    target.refresh_from_db()
    assert target.display_text == "> 5"


def test_the_chapter_page_says_which_value_changed_since(draft_chapter, team_member, client_for):
    adopt(draft_chapter.document, team_member)
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


def test_an_offered_document_still_follows_the_registry_and_its_targets_change(
    draft_chapter, team_member
):
    from kennisstad.planning.services import offer_document

    offer_document(document=draft_chapter.document, on=datetime.date(2017, 10, 1), user=team_member)
    assert not chapter_table(draft_chapter).frozen
    target = Target.objects.filter(set_in=draft_chapter.document).first()
    target.value = 6
    save_target(target=target, user=team_member, expected_version=target.version)
    assert Target.objects.get(pk=target.pk).display_text == "> 6"


def test_a_draft_is_not_published_before_it_is_adopted(draft_chapter, team_member):
    with pytest.raises(ValidationError):
        publish_document(document=draft_chapter.document, user=team_member)
    draft_chapter.refresh_from_db()
    assert draft_chapter.frozen_table is None


def test_publishing_an_adopted_document_changes_no_table_or_target(draft_chapter, team_member):
    document = adopt(draft_chapter.document, team_member)
    draft_chapter.refresh_from_db()
    frozen = draft_chapter.frozen_table
    targets = list(Target.objects.filter(set_in=document).values_list("version", flat=True))
    publish_document(document=document, user=team_member, on=datetime.date(2017, 11, 20))
    document.refresh_from_db()
    draft_chapter.refresh_from_db()
    assert (document.status, str(document.published_on)) == ("gepubliceerd", "2017-11-20")
    assert document.is_adopted and draft_chapter.frozen_table == frozen
    assert list(Target.objects.filter(set_in=document).values_list("version", flat=True)) == (
        targets
    )


def test_an_imported_published_document_does_not_freeze_its_targets(draft_chapter, team_member):
    document = draft_chapter.document
    Document.objects.filter(pk=document.pk).update(
        status="gepubliceerd", imported=True, published_on=datetime.date(2017, 11, 9)
    )
    target = Target.objects.filter(set_in=document).first()
    assert not target.is_frozen
    target.value = 7
    save_target(target=target, user=team_member, expected_version=target.version)
    assert Target.objects.get(pk=target.pk).display_text == "> 7"
