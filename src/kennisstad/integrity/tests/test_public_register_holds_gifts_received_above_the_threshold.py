"""Must show: a gift received at a conference worth EUR 60 appears in the public register; one
worth EUR 50 does not; a gift given does not. "Above EUR 50" is strictly more, so EUR 50.00 stays
out and EUR 50.01 is in; the register of a period holds only that period's gifts, and the
threshold is a setting."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from kennisstad.integrity.selectors import PublicationPeriod, public_gifts

from .factories import GiftGivenFactory, GiftReceivedFactory

pytestmark = pytest.mark.django_db

CLOSED = PublicationPeriod(2025, 1)  # ended long before any test runs


@pytest.fixture
def gifts():
    day = datetime.date(2025, 2, 14)
    return {
        "conference_60": GiftReceivedFactory(
            description_nl="Gegraveerde vulpen",
            occasion="Energy Transition Congress",
            delegation=None,
            received_on=day,
            estimated_value=Decimal("60.00"),
        ),
        "conference_50": GiftReceivedFactory(
            description_nl="Wijnpakket",
            occasion="Energy Transition Congress",
            delegation=None,
            received_on=day,
            estimated_value=Decimal("50.00"),
            disposition="kept",
        ),
        "just_over": GiftReceivedFactory(
            description_nl="Boek", received_on=day, estimated_value=Decimal("50.01")
        ),
        "next_quarter": GiftReceivedFactory(
            description_nl="Vaas", received_on=datetime.date(2025, 4, 1)
        ),
        "given": GiftGivenFactory(
            description_nl="Delfts blauwe tegel",
            given_on=day,
            estimated_value=Decimal("95.00"),
        ),
    }


def test_sixty_is_in_fifty_is_not_and_a_given_gift_never(gifts):
    register = list(public_gifts(CLOSED))
    assert register == [gifts["conference_60"], gifts["just_over"]]
    assert gifts["conference_50"] not in register
    assert "Delfts blauwe tegel" not in {gift.description_nl for gift in register}


def test_the_portal_and_the_public_api_show_the_same(client, gifts):
    page = client.get(reverse("portal:integrity"), {"periode": CLOSED.slug}).content.decode()
    assert "Gegraveerde vulpen" in page and "Energy Transition Congress" in page
    assert "Wijnpakket" not in page and "Delfts blauwe tegel" not in page
    listed = client.get("/api/v1/public-gifts/", {"period": CLOSED.slug}).json()["results"]
    assert {row["description_nl"] for row in listed} == {"Gegraveerde vulpen", "Boek"}
    assert all("giver_person" not in row for row in listed)  # the contact's link is not public


def test_the_register_of_a_period_holds_that_period_only(gifts):
    assert list(public_gifts(PublicationPeriod(2025, 2))) == [gifts["next_quarter"]]
    half_year = PublicationPeriod(2025, 1, "half_year")
    assert gifts["next_quarter"] in public_gifts(half_year)


def test_the_threshold_is_a_setting(settings, gifts):
    settings.GIFTS_REGISTER_THRESHOLD = Decimal("60")
    assert list(public_gifts(CLOSED)) == []
