"""The finance overview of a year adds up: per policy area (and rolled up to its sub-programme
and programme) the ledger's lasten, baten and saldo as budgeted primitief, na wijziging and
realised equal the sums of the lines computed here; the grants' totals per field too. It reads
a few queries whatever the number of lines, and is the team's page only."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from kennisstad.finances.grant_models import GrantStatus
from kennisstad.finances.grant_selectors import grant_totals
from kennisstad.finances.models import Direction, LineKind
from kennisstad.finances.overview_selectors import finance_overview
from kennisstad.finances.tests.factories import FinanceLineFactory, GrantFactory
from kennisstad.policy.tests.factories import PolicyAreaFactory, seed_policy_field

pytestmark = pytest.mark.django_db
D = datetime.date

# (field, kind, direction, amount)
LINES = [
    ("2.1.4", LineKind.ORIGINAL_BUDGET, Direction.EXPENSES, "1200000.00"),
    ("2.1.4", LineKind.ORIGINAL_BUDGET, Direction.EXPENSES, "345678.90"),
    ("2.1.4", LineKind.ORIGINAL_BUDGET, Direction.INCOME, "200000.00"),
    ("2.1.4", LineKind.AMENDMENT, Direction.EXPENSES, "150000.00"),
    ("2.1.4", LineKind.AMENDMENT, Direction.INCOME, "-25000.00"),
    ("2.1.4", LineKind.REALISED, Direction.EXPENSES, "1587654.32"),
    ("2.1.4", LineKind.REALISED, Direction.INCOME, "181000.00"),
    ("2.1.5", LineKind.ORIGINAL_BUDGET, Direction.EXPENSES, "500000.00"),
    ("2.1.5", LineKind.REALISED, Direction.EXPENSES, "480000.00"),
    ("2.1.5", LineKind.REALISED, Direction.INCOME, "12345.67"),
]


@pytest.fixture
def areas():
    field = seed_policy_field()
    sub = field.parent
    other = PolicyAreaFactory(code="2.1.5", title_nl="Binnenstad", parent=sub)
    return {"2": sub.parent, "2.1": sub, "2.1.4": field, "2.1.5": other}


@pytest.fixture
def lines(areas):
    for code, kind, direction, amount in LINES:
        FinanceLineFactory(
            policy_area=areas[code], kind=kind, direction=direction, amount=Decimal(amount)
        )
    FinanceLineFactory(policy_area=areas["2.1.4"], year=2017, amount=Decimal("999"))  # other year


def expected(codes, kinds, direction) -> Decimal:
    return sum(
        (
            Decimal(amount)
            for code, kind, line_direction, amount in LINES
            if code in codes and kind in kinds and line_direction == direction
        ),
        Decimal("0"),
    )


BASES = {
    "primitief": [LineKind.ORIGINAL_BUDGET],
    "na_wijziging": [LineKind.ORIGINAL_BUDGET, LineKind.AMENDMENT],
    "realisatie": [LineKind.REALISED],
}


def test_every_area_adds_up_to_its_lines(lines):
    rows = {row.area.code: row for row in finance_overview(2018)}
    assert list(rows) == ["2", "2.1", "2.1.4", "2.1.5"]
    below = {"2": {"2.1.4", "2.1.5"}, "2.1": {"2.1.4", "2.1.5"}, "2.1.4": {"2.1.4"}}
    below["2.1.5"] = {"2.1.5"}
    for code, codes in below.items():
        for basis, kinds in BASES.items():
            amounts = rows[code].ledger[basis]
            assert amounts.expenses == expected(codes, kinds, Direction.EXPENSES), (code, basis)
            assert amounts.income == expected(codes, kinds, Direction.INCOME), (code, basis)
            assert amounts.balance == amounts.income - amounts.expenses
    assert rows["2.1.4"].ledger["na_wijziging"].expenses == Decimal("1695678.90")


def test_the_grants_add_up_per_field_and_leave_withdrawn_ones_out(areas):
    GrantFactory(policy_area=areas["2.1.4"], amount_requested=Decimal("160000"))
    GrantFactory(
        policy_area=areas["2.1.4"],
        amount_granted=Decimal("40000"),
        status=GrantStatus.SETTLED,
        amount_final=Decimal("38500"),
        settled_on=D(2019, 6, 1),
    )
    GrantFactory(
        policy_area=areas["2.1.5"],
        status=GrantStatus.APPLIED,
        amount_requested=Decimal("9000"),
        amount_granted=None,
    )
    GrantFactory(
        policy_area=areas["2.1.5"], status=GrantStatus.WITHDRAWN, withdrawn_on=D(2018, 2, 1)
    )
    GrantFactory(policy_area=areas["2.1.4"], period_start=D(2017, 1, 1))  # another year
    totals = grant_totals(year=2018)
    assert totals["2.1.4"].granted == Decimal("190000")
    assert totals["2.1.4"].settled == Decimal("38500")
    assert totals["2.1.4"].requested == Decimal("160000")
    assert (totals["2.1.5"].granted, totals["2.1.5"].requested) == (Decimal("0"), Decimal("9000"))
    assert totals["2.1.5"].count == 1
    rows = {row.area.code: row for row in finance_overview(2018)}
    assert rows["2"].grants.granted == Decimal("190000")
    assert rows["2.1"].grants.requested == Decimal("169000")


def test_the_page_reads_a_few_queries_however_many_lines(
    client_for, team_member, lines, areas, django_assert_max_num_queries
):
    for _ in range(40):
        FinanceLineFactory(policy_area=areas["2.1.5"], amount=Decimal("1"))
    web = client_for(team_member)
    with django_assert_max_num_queries(20):
        page = web.get(reverse("finances:overview"), {"year": 2018})
    assert page.status_code == 200
    body = page.content.decode()
    assert "1.695.679" in body  # lasten na wijziging of 2.1.4, rounded to whole euros
    assert page.context["year"] == 2018


def test_the_year_can_be_chosen_and_defaults_to_the_newest(client_for, team_member, lines):
    web = client_for(team_member)
    assert web.get(reverse("finances:overview")).context["year"] == 2018
    assert web.get(reverse("finances:overview"), {"year": 2017}).context["year"] == 2017


@pytest.mark.parametrize("role", ["reader", "partner"])
def test_only_the_team_opens_the_overview(client_for, users_by_role, role):
    assert client_for(users_by_role[role]).get(reverse("finances:overview")).status_code == 403
