"""The demo has the Tianjin delegation and the Brussels mission; loading twice adds nothing;
their gifts above the threshold appear in the register and the mission in the travel register."""

import pytest

from kennisstad.delegations.models import Delegation, Gift, TravelCost
from kennisstad.delegations.selectors import Period, gifts_register, travel_register
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
    values = set(Gift.objects.values_list("estimated_value", flat=True))
    assert any(value > 50 for value in values) and any(value <= 50 for value in values)
    counts = (Delegation.objects.count(), Gift.objects.count(), TravelCost.objects.count())
    second = load_demo()
    assert second["created"].get("delegations", 0) == 0
    assert (Delegation.objects.count(), Gift.objects.count(), TravelCost.objects.count()) == counts

    day = brussels.activity.first_day
    period = Period(day.year, 1 if day.month <= 6 else 2)
    missions = travel_register(period).missions
    assert brussels in [mission.delegation for mission in missions]
    in_register = {gift.description_nl for gift in gifts_register(Period(day.year))}
    assert "Designkussen met de Groningse skyline" in in_register
    assert "Boek over dertig jaar Europees cohesiebeleid" not in in_register
