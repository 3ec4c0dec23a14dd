"""Readers see where a document stands in the cycle but take no step: every step's form is
posted by the team only, and a partner does not open the page at all."""

import pytest
from django.urls import reverse

from kennisstad.planning.models import Amendment
from kennisstad.planning.tests.cycle_setup import begroting
from kennisstad.policy.models import Document, DocumentStatus

pytestmark = pytest.mark.django_db

STEPS = {
    "offer": {"on": "2017-10-01"},
    "adopt": {"on": "2017-11-09", "decision_number": "7"},
    "publish": {},
    "amend": {"number": "A1", "description": "x"},
    "progress": {"status": "gereed"},
    "forecast": {"value": "6"},
}


def test_a_reader_sees_the_status_and_no_forms(client_for, reader):
    document = begroting()
    page = client_for(reader).get(reverse("planning:document-detail", args=[document.pk]))
    assert page.status_code == 200
    text = page.content.decode()
    assert document.get_status_display() in text and "<form" not in text.split("<main")[-1]


@pytest.mark.parametrize("step", list(STEPS))
def test_a_reader_cannot_take_a_step(client_for, reader, step):
    document = begroting()
    url = reverse("planning:document-cycle", args=[document.pk, step])
    answer = client_for(reader).post(url, {"version": document.version, **STEPS[step]})
    assert answer.status_code == 403
    stored = Document.objects.get(pk=document.pk)
    assert (stored.status, stored.version) == (DocumentStatus.DRAFT, document.version)
    assert not Amendment.objects.exists()


def test_a_partner_does_not_open_the_page(client_for, partner_editor):
    document = begroting()
    page = client_for(partner_editor).get(reverse("planning:document-detail", args=[document.pk]))
    assert page.status_code == 403


def test_the_team_offers_adopts_and_amends_on_the_page(client_for, team_member):
    document = begroting()
    client = client_for(team_member)

    def post(step, **data):
        url = reverse("planning:document-cycle", args=[document.pk, step])
        version = Document.objects.get(pk=document.pk).version
        return client.post(url, {"version": version, **data})

    assert post("offer", on="2017-10-01").status_code == 302
    assert post("amend", number="A1", description="Hoger doel", accepted="on").status_code == 302
    refused = post("adopt", on="2017-11-09")  # no decision number
    assert refused.status_code == 400 and not Document.objects.get(pk=document.pk).is_adopted
    assert post("adopt", on="2017-11-09", decision_number="2017-123").status_code == 302
    assert post("publish", on="2017-11-20").status_code == 302
    stored = Document.objects.get(pk=document.pk)
    assert (stored.status, stored.decision_number) == ("gepubliceerd", "2017-123")
    page = client.get(reverse("planning:document-detail", args=[document.pk])).content.decode()
    assert "2017-123" in page and "A1" in page and "Hoger doel" in page
