"""A register date outside 1900-2200 (a typo such as 0205) is refused on its field, so the
periods the public register is grouped by can always be named; a period that does not exist is
a 404 on the team's register page, never another period's file."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from kennisstad.integrity.models import GiftReceived
from kennisstad.integrity.services import save_gift_received

from .factories import GiftReceivedFactory, OfficeHolderFactory

pytestmark = pytest.mark.django_db


def test_a_gift_dated_in_the_year_205_is_refused_on_its_date(team_member):
    gift = GiftReceivedFactory.build(
        recipient=OfficeHolderFactory(), received_on=datetime.date(205, 3, 1)
    )
    with pytest.raises(ValidationError) as refused:
        save_gift_received(gift=gift, user=team_member)
    assert "received_on" in refused.value.message_dict
    assert not GiftReceived.objects.exists()


@pytest.mark.parametrize("period", ["2018-q9", "0205-q1", "99999-q1", "2018-x1"])
def test_a_period_that_does_not_exist_is_not_found(period, client_for, team_member):
    response = client_for(team_member).get(
        reverse("integrity:register"), {"period": period, "format": "csv"}
    )
    assert response.status_code == 404
