"""The demo ledger gives the begroting 2018 and jaarstukken 2018 chapters of 2.1.4 their money,
through the import service, once however often the demo loads, with one difference in the
jaarstukken large enough to need its explanation."""

from decimal import Decimal

import pytest

from kennisstad.core.demo import DemoLoad
from kennisstad.finances.demo import load_ledger
from kennisstad.finances.models import FinanceLine, LedgerImport
from kennisstad.finances.selectors import Column, area_total, totals
from kennisstad.policy.demo import load_policy_areas


@pytest.mark.django_db
def test_the_demo_ledger_fills_both_chapters_once():
    demo = DemoLoad()
    load_policy_areas(demo)
    load_ledger(demo)
    load_ledger(demo)
    assert LedgerImport.objects.count() == 1
    assert demo.created["ledger imports"] == 1 and demo.existing["ledger imports"] == 1

    columns = [
        Column(2016, "realisatie"),
        Column(2017, "na_wijziging"),
        Column(2018, "primitief"),
        *(Column(year, "raming", 2018) for year in (2019, 2020, 2021)),
    ]
    for column in columns:
        amounts = area_total(column, "2.1.4")
        assert Decimal("1000000") < amounts.expenses < Decimal("1600000"), column
        assert Decimal("0") < amounts.income < Decimal("200000"), column
    primitief_2017 = area_total(Column(2017, "primitief"), "2.1.4")
    assert area_total(Column(2017, "na_wijziging"), "2.1.4").expenses > primitief_2017.expenses

    after = totals(Column(2018, "na_wijziging"), by=("taakveld",), areas=["2.1.4"])
    realised = totals(Column(2018, "realisatie"), by=("taakveld",), areas=["2.1.4"])
    assert set(after) == {("3.1",), ("3.4",)}
    difference = after[("3.4",)].expenses - realised[("3.4",)].expenses
    assert difference > Decimal("100000")
    assert difference / after[("3.4",)].expenses > Decimal("0.10")
    assert FinanceLine.objects.filter(amendment="BW 2018-07").exists()
