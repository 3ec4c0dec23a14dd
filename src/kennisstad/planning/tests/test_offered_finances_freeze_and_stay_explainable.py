"""A jaarstukken never gets stuck between adoption and publication: its finance tables freeze
when it is offered (the council adopts the money it was offered, a later ledger import does not
put a new difference in it), and a difference that still needs explaining after the offer (a
changed threshold) can be explained, on the page and in the API, until it is published."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from kennisstad.finances.models import Direction, LineKind
from kennisstad.planning.finance_services import save_finance_explanation
from kennisstad.planning.finance_tables import finance_overview, finance_table
from kennisstad.planning.services import offer_document, publish_document
from kennisstad.planning.tests.factories import adopt
from kennisstad.planning.tests.finance_setup import chapter_of, line, overspent

pytestmark = pytest.mark.django_db

OFFERED_ON = datetime.date(2019, 5, 1)


@pytest.fixture
def chapter(settings):
    settings.KENNISSTAD_FINANCE_EXPLAIN_ABOVE_AMOUNT = "100000"
    settings.KENNISSTAD_FINANCE_EXPLAIN_ABOVE_PERCENT = ""
    overspent()
    return chapter_of("jaarstukken")


def explain(chapter, user, *rows):
    for row in rows:
        save_finance_explanation(chapter=chapter, row=row, text_nl="Hogere inhuur.", user=user)


def test_a_ledger_import_after_the_offer_does_not_block_publishing(chapter, team_member):
    explain(chapter, team_member, "lasten", "saldo")
    offer_document(document=chapter.document, on=OFFERED_ON, user=team_member)
    chapter.refresh_from_db()
    chapter.document.refresh_from_db()
    assert chapter.frozen_finances is not None
    assert chapter.document.frozen_finance_overview is not None

    line(2018, LineKind.REALISED, Direction.INCOME, "-150000")  # baten now 150.000 short
    adopt(chapter.document, team_member, on=datetime.date(2019, 6, 1))
    publish_document(document=chapter.document, user=team_member)  # not refused

    assert finance_table(chapter).row("baten")[-1] == 0  # as offered
    assert finance_overview(chapter.document).frozen


def test_a_difference_appearing_after_the_offer_can_still_be_explained(
    chapter, team_member, settings, client
):
    settings.KENNISSTAD_FINANCE_EXPLAIN_ABOVE_AMOUNT = "400000"  # nothing to explain
    offer_document(document=chapter.document, on=OFFERED_ON, user=team_member)
    adopt(chapter.document, team_member, on=datetime.date(2019, 6, 1))
    settings.KENNISSTAD_FINANCE_EXPLAIN_ABOVE_AMOUNT = "100000"  # lasten and saldo now need one
    with pytest.raises(ValidationError):
        publish_document(document=chapter.document, user=team_member)

    client.force_login(team_member)
    page = client.get(reverse("planning:chapter-detail", args=[chapter.pk])).content.decode()
    form = reverse("planning:finance-explanation", args=[chapter.pk, "lasten"])
    assert form in page  # the page offers what the service accepts
    assert client.get(form).status_code == 200
    assert client.post(form, {"text_nl": "Hogere inhuur."}).status_code == 302
    api = client.post(
        f"/api/v1/chapters/{chapter.pk}/finance-explanations/",
        {"row": "saldo", "text_nl": "Per saldo nadelig."},
        content_type="application/json",
    )
    assert api.status_code == 201, api.content

    publish_document(document=chapter.document, user=team_member)
    assert client.get(form).status_code == 403
    with pytest.raises(ValidationError, match=r"published|gepubliceerd"):
        save_finance_explanation(
            chapter=chapter, row="lasten", text_nl="Later.", user=team_member, expected_version=1
        )
