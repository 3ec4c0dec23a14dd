"""The demo's IWCN delivers its visitor figures itself: its own login sees the indicator on
"My indicators"; the 2017 figure was approved by a team member and counts (a realisation of
origin "delivered"), the 2018 figure awaits approval and counts nowhere yet. Loading again
adds nothing."""

from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from kennisstad.indicators.delivery_selectors import awaiting_approval
from kennisstad.indicators.demo_deliveries import NAME_NL
from kennisstad.indicators.models import DeliveredValue, DeliveryStatus, Indicator, Origin
from kennisstad.workspace.demo import load_demo

pytestmark = pytest.mark.django_db


def test_the_iwcn_delivers_its_visitors():
    load_demo()
    indicator = Indicator.objects.get(name_nl=NAME_NL)
    assert indicator.policy_area.code == "2.1.4"
    assert indicator.owner_organisation.name == "International Welcome Center North"
    approved = DeliveredValue.objects.get(indicator=indicator, year=2017)
    assert approved.status == DeliveryStatus.APPROVED
    assert approved.submitted_by.username == "iwcn" and approved.reviewed_by.username == "team"
    assert approved.realisation.origin == Origin.DELIVERED
    assert approved.realisation.value == Decimal("11800")
    waiting = DeliveredValue.objects.get(indicator=indicator, year=2018)
    assert list(awaiting_approval()) == [waiting]
    assert not indicator.realisations.filter(year=2018).exists()
    client = Client()
    assert client.login(username="iwcn", password="kennisstad-iwcn")
    page = client.get(reverse("indicators:my-indicators")).content.decode()
    assert NAME_NL in page and "11.800" in page and "13.450" in page
    summary = load_demo()
    assert summary["created"].get("delivered values", 0) == 0
    assert DeliveredValue.objects.filter(indicator=indicator).count() == 2
