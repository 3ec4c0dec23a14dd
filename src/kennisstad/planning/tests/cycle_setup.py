"""A small begroting for the cycle's tests: one chapter (2.1.4) with two indicators in its
table, a target for the year on each, a section of text and an action."""

from kennisstad.indicators.models import Indicator, Target
from kennisstad.indicators.tests.factories import chapter_indicators
from kennisstad.planning.models import Action, Chapter, ChapterIndicator, Section
from kennisstad.policy.models import Document, PolicyArea


def begroting(year: int = 2018) -> Document:
    chapter_indicators()
    document = Document.objects.create(kind="begroting", year=year)
    chapter = Chapter.objects.create(
        document=document, policy_area=PolicyArea.objects.get(code="2.1.4")
    )
    for order, indicator in enumerate(Indicator.objects.order_by("code")):
        ChapterIndicator.objects.create(chapter=chapter, indicator=indicator, order=order)
        Target.objects.create(
            indicator=indicator,
            year=year,
            comparator=">",
            value=5,
            display_text="> 5",
            set_in=document,
        )
    Section.objects.create(
        chapter=chapter,
        kind="aims",
        heading_nl="Wat willen we bereiken?",
        body_nl="Meer samenwerking.",
    )
    Action.objects.create(chapter=chapter, text_nl="We starten een kennisfonds.")
    Action.objects.create(chapter=chapter, text_nl="We organiseren een kennisweek.", order=1)
    return document
