"""The code of conduct: a gift worth more than the threshold becomes the municipality's
property, is returned or given to charity; the recipient may keep one at or below it. The
form, the API and the service refuse alike, and nothing is saved."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from kennisstad.integrity.models import GiftReceived
from kennisstad.integrity.services import save_gift_received

from .factories import GiftReceivedFactory, OfficeHolderFactory

pytestmark = pytest.mark.django_db


def test_the_service_refuses_keeping_sixty_and_allows_fifty(team_member):
    holder = OfficeHolderFactory()
    sixty = GiftReceivedFactory.build(
        recipient=holder, estimated_value=Decimal("60.00"), disposition="kept"
    )
    with pytest.raises(ValidationError) as refused:
        save_gift_received(gift=sixty, user=team_member)
    assert "disposition" in refused.value.message_dict
    fifty = GiftReceivedFactory.build(
        recipient=holder, estimated_value=Decimal("50.00"), disposition="kept"
    )
    save_gift_received(gift=fifty, user=team_member)
    assert list(GiftReceived.objects.all()) == [fifty]


def test_the_form_and_the_api_refuse_it_too(client_for, api_client_for, team_member):
    holder = OfficeHolderFactory()
    data = {
        "recipient": holder.pk,
        "received_on": "2025-03-10",
        "giver_name": "Organisatie congres",
        "occasion": "Congres",
        "description_nl": "Vulpen",
        "estimated_value": "60.00",
        "disposition": "kept",
    }
    page = client_for(team_member).post(reverse("integrity:gift-received-create"), data)
    assert page.status_code == 200
    api = api_client_for(team_member).post("/api/v1/gifts-received/", data, format="json")
    assert api.status_code == 400 and "disposition" in api.json()
    assert not GiftReceived.objects.exists()
