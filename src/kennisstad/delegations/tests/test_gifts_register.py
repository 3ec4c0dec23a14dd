"""The gifts register holds exactly the gifts over the threshold dated in the period."""

import datetime
from decimal import Decimal

import pytest

from kennisstad.delegations.selectors import Period, gifts_register

from .factories import GiftFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def gifts():
    return {
        "over_h1": GiftFactory(
            estimated_value=Decimal("50.01"), given_on=datetime.date(2027, 1, 1)
        ),
        "exactly": GiftFactory(
            estimated_value=Decimal("50.00"), given_on=datetime.date(2027, 2, 1)
        ),
        "under": GiftFactory(estimated_value=Decimal("35.00"), given_on=datetime.date(2027, 3, 1)),
        "given_h1": GiftFactory(
            direction="given",
            disposition="",
            estimated_value=Decimal("95.00"),
            given_on=datetime.date(2027, 6, 30),
        ),
        "over_h2": GiftFactory(estimated_value=Decimal("350"), given_on=datetime.date(2027, 7, 1)),
        "last_year": GiftFactory(
            estimated_value=Decimal("500"), given_on=datetime.date(2026, 12, 31)
        ),
        "next_year": GiftFactory(
            estimated_value=Decimal("500"), given_on=datetime.date(2028, 1, 1)
        ),
    }


def test_a_year_holds_every_gift_over_the_threshold_given_or_received(gifts):
    register = gifts_register(Period(2027))
    assert register == [gifts["over_h1"], gifts["given_h1"], gifts["over_h2"]]


def test_half_years_split_on_the_first_of_july(gifts):
    assert gifts_register(Period(2027, 1)) == [gifts["over_h1"], gifts["given_h1"]]
    assert gifts_register(Period(2027, 2)) == [gifts["over_h2"]]


def test_the_threshold_is_a_setting(settings, gifts):
    settings.GIFTS_REGISTER_THRESHOLD = Decimal("30")
    register = gifts_register(Period(2027, 1))
    assert register == [gifts["over_h1"], gifts["exactly"], gifts["under"], gifts["given_h1"]]


def test_a_period_outside_the_calendar_is_refused():
    with pytest.raises(ValueError):
        Period(2027, 3)
