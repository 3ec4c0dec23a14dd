"""The demo has the Tianjin delegation and the Brussels mission; loading twice adds nothing;
the gifts received on them above the threshold appear in the public gifts register (those given
never do) and the mission in the travel register."""

import pytest

from kennisstad.delegations.models import Delegation, TravelCost
from kennisstad.delegations.selectors import Period, travel_register
from kennisstad.integrity.models import GiftGiven, GiftReceived
from kennisstad.integrity.selectors import period_of, public_gifts
from kennisstad.workspace.demo import load_demo

pytestmark = pytest.mark.django_db


def test_demo_delegations_are_realistic_and_idempotent():
    first = load_demo()
    assert first["created"]["delegations"] == 2
    tianjin = Delegation.objects.get(activity__uid="demo-tianjin-delegation@kennisstad.example")
    brussels = Delegation.objects.get(activity__uid="demo-brussels-mission@kennisstad.example")
    assert tianjin.direction == "incoming" and brussels.direction == "outgoing"
    assert tianjin.members.filter(form_of_address="Zijne Excellentie", is_head=True).exists()
    assert tianjin.programme.count() == 3 and brussels.travel_costs.count() == 3
    values = set(GiftReceived.objects.values_list("estimated_value", flat=True))
    assert any(value > 50 for value in values) and any(value <= 50 for value in values)
    assert tianjin.gifts_received.exists() and tianjin.gifts_given.exists()
    assert GiftReceived.objects.filter(delegation=None).exists()  # a conference, by post

    def counts():
        return [
            model.objects.count() for model in (Delegation, GiftReceived, GiftGiven, TravelCost)
        ]

    before = counts()
    second = load_demo()
    assert second["created"].get("delegations", 0) == 0
    assert second["created"].get("gifts received", 0) == 0
    assert counts() == before

    day = brussels.activity.first_day
    period = Period(day.year, 1 if day.month <= 6 else 2)
    missions = travel_register(period).missions
    assert brussels in [mission.delegation for mission in missions]
    tianjin_day = tianjin.activity.first_day
    in_register = {gift.description_nl for gift in public_gifts(period_of(tianjin_day))}
    assert "Porseleinen vaas met stadsgezicht van Tianjin" in in_register
    assert "Zijden sjaal" not in in_register  # EUR 40
    given = {gift.description_nl for gift in public_gifts(period_of(day))}
    assert "Designkussen met de Groningse skyline" not in given  # given, never published
    assert "Boek over dertig jaar Europees cohesiebeleid" not in given
