from decimal import Decimal

import pytest

from kennisstad.finances.models import LineKind, Taakveld
from kennisstad.finances.selectors import Column, area_total, taakvelden

from .factories import FinanceLineFactory


@pytest.mark.django_db
def test_the_national_list_is_loaded_in_its_official_order():
    codes = [taakveld.code for taakveld in taakvelden()]
    assert codes[:2] == ["0.1", "0.2"]
    assert codes.index("0.9") < codes.index("0.10") < codes.index("0.11") < codes.index("1.1")
    assert Taakveld.objects.get(code="3.4").title_nl == "Economische promotie"
    assert len(codes) == 53


@pytest.mark.django_db
def test_na_wijziging_is_the_original_budget_plus_every_amendment():
    FinanceLineFactory(amount=Decimal("1000"))
    FinanceLineFactory(kind=LineKind.AMENDMENT, amendment="BW 2018-1", amount=Decimal("250"))
    FinanceLineFactory(kind=LineKind.AMENDMENT, amendment="BW 2018-2", amount=Decimal("-100"))
    FinanceLineFactory(direction="baten", amount=Decimal("300"))
    primitief = area_total(Column(2018, "primitief"), "2")
    after = area_total(Column(2018, "na_wijziging"), "2.1.4")
    assert (primitief.expenses, primitief.income, primitief.balance) == (1000, 300, -700)
    assert (after.expenses, after.balance) == (1150, -850)
