"""Once an adopted jaarstukken reports a year's value, a document published later shows that
value, not a later recount: on the public portal and in the exports."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from kennisstad.indicators.models import Origin
from kennisstad.indicators.tests.disagreeing import adopted_document, recount
from kennisstad.indicators.tests.factories import IndicatorFactory, RealisationFactory
from kennisstad.planning.models import Chapter, ChapterIndicator
from kennisstad.planning.services import publish_document
from kennisstad.policy.models import Document

pytestmark = pytest.mark.django_db


@pytest.fixture
def begroting_2018(team_member):
    """Jaarstukken 2017 (adopted) reported 2016 as 837; a recount in 2020 counts 912; then the
    begroting 2018, which shows Behaald 2016, is published."""
    indicator = IndicatorFactory(name_nl="Bezoekers kennisfestival")
    RealisationFactory(
        indicator=indicator,
        year=2016,
        value=Decimal(837),
        origin=Origin.IMPORTED,
        measured_on=datetime.date(2017, 4, 1),
        source_document=adopted_document("jaarstukken", 2017),
    )
    recount(indicator, 912, measured_on=datetime.date(2017, 10, 1))
    document = Document.objects.create(kind="begroting", year=2018)
    chapter = Chapter.objects.create(document=document, policy_area=indicator.policy_area)
    ChapterIndicator.objects.create(chapter=chapter, indicator=indicator, order=0)
    publish_document(document=document, user=team_member)
    return chapter


def test_the_portal_shows_the_official_figure_not_the_recount(client, begroting_2018):
    page = client.get(reverse("portal:indicators"))
    [part] = [
        chapter
        for item in page.context["documents"]
        for chapter in item["chapters"]
        if chapter["chapter"] == begroting_2018
    ]
    cells = {(cell.kind, cell.year): cell.text for cell in part["table"].rows[0].cells}
    assert cells[("realisation", 2016)] == "837"
    html = page.content.decode()
    assert "837" in html and "912" not in html


def test_the_exports_show_the_official_figure(begroting_2018):
    from kennisstad.planning import exports

    text = exports.render([begroting_2018], "csv").decode()
    assert "837" in text and "912" not in text
