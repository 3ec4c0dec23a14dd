"""The Groningen demo holds the city agreements of the jaarverslag: the partnership with Tianjin,
the trilateral agreement with Bremen and Oldenburg, the Hamburg missions; public and internal
ones, a draft and an expired one; loading it twice changes nothing."""

import pytest
from django.urls import reverse

from kennisstad.agreements.models import Agreement, AgreementStatus
from kennisstad.workspace.demo import load_demo

pytestmark = pytest.mark.django_db


def test_the_demo_holds_the_city_agreements(client):
    load_demo()
    agreements = {agreement.title_en: agreement for agreement in Agreement.objects.all()}
    assert len(agreements) == 5
    trilateral = agreements["Trilateral cooperation Bremen–Oldenburg–Groningen"]
    assert trilateral.kind == "trilateral" and trilateral.is_public
    assert trilateral.status == AgreementStatus.EXPIRING
    assert {p.organisation.city for p in trilateral.partyships.all()} >= {"Bremen", "Oldenburg"}
    tianjin = agreements["City link Groningen–Tianjin"]
    assert tianjin.delegations.exists() and tianjin.projects.count() == 2
    hamburg = agreements["Letter of intent on trade missions Hamburg"]
    assert not hamburg.is_public
    statuses = {agreement.status for agreement in agreements.values()}
    assert {AgreementStatus.DRAFT, AgreementStatus.EXPIRED, AgreementStatus.IN_FORCE} <= statuses
    summary = load_demo()
    assert summary["created"].get("agreements", 0) == 0
    assert Agreement.objects.count() == 5
    page = client.get(reverse("portal:partner-cities")).content.decode()
    assert "Tianjin" in page and "Bremen" in page and "Hamburg" not in page
