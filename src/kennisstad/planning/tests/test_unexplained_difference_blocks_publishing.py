"""Must show: a jaarstukken chapter with a difference over the threshold cannot be published
without its explanation. Offering (or adopting a draft directly) is refused too, naming the
chapter and the row; the API answers 400 and the document page shows the message."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from kennisstad.planning.finance_models import FinanceExplanation
from kennisstad.planning.finance_services import save_finance_explanation
from kennisstad.planning.services import adopt_document, offer_document, publish_document
from kennisstad.planning.tests.finance_setup import chapter_of, overspent
from kennisstad.policy.models import DocumentStatus

pytestmark = pytest.mark.django_db
ON = datetime.date(2019, 5, 1)


@pytest.fixture
def chapter():
    overspent()
    return chapter_of("jaarstukken")


def test_a_jaarstukken_chapter_with_a_difference_over_the_threshold_cannot_be_published_without_its_explanation(  # noqa: E501
    chapter, team_member
):
    document = chapter.document
    with pytest.raises(ValidationError) as refused:
        offer_document(document=document, on=ON, user=team_member)
    message = " ".join(refused.value.messages)
    assert "2.1.4 Kennissectoren" in message and "lasten" in message and "saldo" in message
    assert "baten" not in message.split("Kennissectoren", 1)[1]
    with pytest.raises(ValidationError):
        adopt_document(document=document, on=ON, decision_number="RB 1", user=team_member)
    document.refresh_from_db()
    assert document.status == DocumentStatus.DRAFT

    for row in ("lasten", "saldo"):
        save_finance_explanation(
            chapter=chapter, row=row, text_nl=f"Meer uitgegeven ({row}).", user=team_member
        )
    offer_document(document=document, on=ON, user=team_member)
    adopt_document(document=document, on=ON, decision_number="RB 1", user=team_member)
    FinanceExplanation.objects.filter(chapter=chapter, row="saldo").delete()  # lost somehow
    with pytest.raises(ValidationError, match="saldo"):
        publish_document(document=document, user=team_member, on=ON)
    document.refresh_from_db()
    assert document.status == DocumentStatus.ADOPTED
    FinanceExplanation.objects.create(chapter=chapter, row="saldo", text_nl="Terug.")
    publish_document(document=document, user=team_member, on=ON)
    document.refresh_from_db()
    assert document.status == DocumentStatus.PUBLISHED


def test_the_api_refuses_with_400_and_the_page_shows_why(chapter, team_member, client):
    from rest_framework.test import APIClient

    api = APIClient()
    api.force_authenticate(team_member)
    document = chapter.document
    url = f"/api/v1/documents/{document.pk}/offer/"
    answer = api.post(url, {"on": "2019-05-01", "version": document.version}, format="json")
    assert answer.status_code == 400
    assert "2.1.4" in str(answer.json()) and "lasten" in str(answer.json())

    client.force_login(team_member)
    page = client.post(
        reverse("planning:document-cycle", args=[document.pk, "offer"]),
        {"offer-on": "2019-05-01", "on": "2019-05-01", "version": document.version},
        follow=True,
    )
    assert "2.1.4 Kennissectoren: lasten" in page.content.decode()
    chapter_page = client.get(reverse("planning:chapter-detail", args=[chapter.pk]))
    text = chapter_page.content.decode()
    assert "Wat heeft het gekost?" in text or "What did it cost?" in text
    assert reverse("planning:finance-explanation", args=[chapter.pk, "lasten"]) in text
