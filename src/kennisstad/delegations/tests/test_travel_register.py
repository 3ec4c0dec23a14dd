"""The foreign-travel register lists outgoing missions per half year and sums their costs per
payer correctly, to the cent."""

import zoneinfo
from decimal import Decimal

import pytest

from kennisstad.delegations.selectors import Period, travel_register

from .factories import DelegationFactory, TravelCostFactory, VisitFactory, at, outgoing_visit

pytestmark = pytest.mark.django_db

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")


@pytest.fixture
def brussels():
    delegation = DelegationFactory(
        activity=outgoing_visit(at(2027, 3, 9), country="BE"), purpose_nl="Lobby waterstof"
    )
    TravelCostFactory(
        delegation=delegation,
        traveller_function="Wethouder",
        transport=Decimal("238.40"),
        lodging=Decimal("189.00"),
        other=Decimal("42.50"),
    )
    TravelCostFactory(
        delegation=delegation,
        traveller_function="Adviseur",
        transport=Decimal("238.40"),
        lodging=Decimal("189.00"),
        other=Decimal("18.75"),
    )
    TravelCostFactory(
        delegation=delegation,
        traveller_function="Adviseur",
        transport=Decimal("238.40"),
        lodging=Decimal("189.00"),
        paid_by="third_party",
        payer="SNN",
    )
    return delegation


def test_costs_are_summed_per_payer(brussels):
    register = travel_register(Period(2027, 1))
    [mission] = register.missions
    assert mission.delegation == brussels
    assert mission.paid_by_municipality == Decimal("916.05")  # 469.90 + 446.15
    assert mission.paid_by_third_parties == Decimal("427.40")
    assert mission.total == Decimal("1343.45")
    assert mission.third_parties == ["SNN"]
    assert mission.functions == ["Wethouder", "Adviseur"]
    assert mission.destinations == ["België"]
    assert mission.purpose == "Lobby waterstof"


def test_register_totals_add_up_over_missions(brussels):
    other = DelegationFactory(activity=outgoing_visit(at(2027, 5, 20), country="DE"))
    TravelCostFactory(
        delegation=other,
        destination_country="DE",
        transport=Decimal("0.10"),
        lodging=Decimal("0.20"),
        other=Decimal("0.05"),
    )
    register = travel_register(Period(2027, 1))
    assert [m.delegation for m in register.missions] == [brussels, other]
    assert register.paid_by_municipality == Decimal("916.40")
    assert register.paid_by_third_parties == Decimal("427.40")
    assert register.total == Decimal("1343.80")


def test_only_outgoing_missions_in_the_period(brussels):
    DelegationFactory(activity=VisitFactory(kind="incoming_visit"))
    DelegationFactory(activity=outgoing_visit(at(2027, 7, 1)))
    assert [m.delegation for m in travel_register(Period(2027, 1)).missions] == [brussels]
    assert len(travel_register(Period(2027, 2)).missions) == 1
    assert len(travel_register(Period(2027)).missions) == 2


def test_a_mission_counts_on_its_own_local_start_day():
    # 1 July 00:30 in Shanghai is still 30 June in Groningen: the second half year.
    delegation = DelegationFactory(
        activity=outgoing_visit(at(2027, 7, 1, 0, zone=SHANGHAI), timezone="Asia/Shanghai")
    )
    assert travel_register(Period(2027, 1)).missions == []
    assert [m.delegation for m in travel_register(Period(2027, 2)).missions] == [delegation]


def test_a_mission_without_costs_shows_with_zero_totals():
    DelegationFactory(activity=outgoing_visit(at(2027, 2, 1), country="CN"))
    [mission] = travel_register(Period(2027, 1)).missions
    assert mission.total == Decimal("0")
    assert mission.destinations == ["China"]
