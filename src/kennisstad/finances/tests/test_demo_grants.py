"""The demo's grants and allocations: the IWCN's 2018 grant of €150,000 with its
accountability due on 1 April 2019, a settled 2017 grant, an application and a withdrawn one,
each step in its history; allocations on 2.1.4 for 2017-2019; loading twice adds nothing."""

import datetime
from decimal import Decimal

import pytest

from kennisstad.finances.grant_models import Grant, GrantStatus
from kennisstad.finances.models import ProjectAllocation
from kennisstad.finances.overview_selectors import finance_overview
from kennisstad.workspace.demo import load_demo

pytestmark = pytest.mark.django_db


def test_the_demo_grants_tell_the_iwcn_story():
    load_demo()
    iwcn_2018 = Grant.objects.get(title_nl__endswith="North 2018")
    assert iwcn_2018.organisation.abbreviation == "IWCN"
    assert (iwcn_2018.status, iwcn_2018.amount_granted) == (GrantStatus.GRANTED, Decimal("150000"))
    assert iwcn_2018.accountability_due == datetime.date(2019, 4, 1)
    assert iwcn_2018.project.title_nl.startswith("Ondersteuning International Welcome")
    assert iwcn_2018.history.count() == 2  # the application and the decision
    statuses = set(Grant.objects.values_list("status", flat=True))
    assert statuses == {s.value for s in GrantStatus}
    assert Grant.objects.get(status=GrantStatus.SETTLED).amount_final == Decimal("136450")
    years = set(ProjectAllocation.objects.values_list("year", flat=True))
    assert years == {2017, 2018, 2019}
    row = next(row for row in finance_overview(2018) if row.area.code == "2.1.4")
    assert row.grants.granted == Decimal("245000")  # IWCN 150,000 + Top Dutch 75,000 + RUG 20,000
    assert row.allocated.budgeted == Decimal("265000")
    counts = (Grant.objects.count(), ProjectAllocation.objects.count())
    load_demo()
    assert (Grant.objects.count(), ProjectAllocation.objects.count()) == counts
