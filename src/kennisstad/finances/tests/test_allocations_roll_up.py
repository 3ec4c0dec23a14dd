"""Project allocations roll up per policy field beside the ledger: Σ budgeted against the
lasten na wijziging, Σ spent against the realised lasten, with the difference. They are
written through their service (version check, audit trail, a duplicate refused by name), and
the team adds, edits and deletes them on their own pages."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from kennisstad.core.concurrency import StaleVersionError
from kennisstad.finances.allocation_services import save_allocation
from kennisstad.finances.models import Direction, LineKind, ProjectAllocation
from kennisstad.finances.overview_selectors import allocation_totals, finance_overview
from kennisstad.finances.tests.factories import (
    FinanceLineFactory,
    ProjectAllocationFactory,
    taakveld,
)
from kennisstad.policy.tests.factories import seed_policy_field
from kennisstad.projects.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def test_allocations_roll_up_and_are_compared_with_the_ledger():
    field = seed_policy_field()
    FinanceLineFactory(policy_area=field, amount=Decimal("300000"))
    FinanceLineFactory(policy_area=field, kind=LineKind.AMENDMENT, amount=Decimal("20000"))
    FinanceLineFactory(policy_area=field, kind=LineKind.REALISED, amount=Decimal("310000"))
    FinanceLineFactory(
        policy_area=field,
        kind=LineKind.REALISED,
        direction=Direction.INCOME,
        amount=Decimal("5000"),
    )
    budgets = [("150000", "150000"), ("75000", "71900"), ("40000", None)]
    for budgeted, spent in budgets:
        ProjectAllocationFactory(
            policy_area=field,
            budgeted=Decimal(budgeted),
            spent=None if spent is None else Decimal(spent),
        )
    ProjectAllocationFactory(policy_area=field, year=2017, budgeted=Decimal("99"))
    budgeted = sum(Decimal(b) for b, _ in budgets)
    spent = sum(Decimal(s) for _, s in budgets if s is not None)
    assert allocation_totals(2018)["2.1.4"].budgeted == budgeted
    rows = {row.area.code: row for row in finance_overview(2018)}
    for code in ("2", "2.1", "2.1.4"):
        row = rows[code]
        assert (row.allocated.budgeted, row.allocated.spent) == (budgeted, spent)
        assert row.budget_difference == Decimal("320000") - budgeted
        assert row.spending_difference == Decimal("310000") - spent


def test_a_second_allocation_of_the_same_project_field_and_year_is_refused(team_member):
    existing = ProjectAllocationFactory()
    twin = ProjectAllocation(
        project=existing.project,
        year=existing.year,
        policy_area=existing.policy_area,
        taakveld=existing.taakveld,
        budgeted=Decimal("1"),
    )
    with pytest.raises(ValidationError, match="2018"):
        save_allocation(allocation=twin, user=team_member)
    assert ProjectAllocation.objects.count() == 1


def test_an_edit_on_a_stale_version_is_refused_and_an_edit_is_logged(team_member):
    allocation = ProjectAllocationFactory()  # version 1
    allocation.spent = Decimal("1000")
    save_allocation(allocation=allocation, user=team_member, expected_version=1)
    stale = ProjectAllocation.objects.get(pk=allocation.pk)
    stale.budgeted = Decimal("1")
    with pytest.raises(StaleVersionError):
        save_allocation(allocation=stale, user=team_member, expected_version=1)
    stored = ProjectAllocation.objects.get(pk=allocation.pk)
    assert (stored.budgeted, stored.spent) == (Decimal("25000.00"), Decimal("1000.00"))
    assert stored.history.order_by("-history_id").first().history_user == team_member


def test_the_team_adds_edits_and_deletes_an_allocation_on_its_pages(client_for, team_member):
    project = ProjectFactory()
    field = seed_policy_field()
    web = client_for(team_member)
    created = web.post(
        reverse("finances:allocation-create"),
        {
            "project": project.pk,
            "year": 2018,
            "policy_area": field.pk,
            "taakveld": taakveld().pk,
            "budgeted": "12500",
            "spent": "",
        },
    )
    assert created.status_code == 302, created.context["form"].errors
    allocation = ProjectAllocation.objects.get(project=project)
    assert allocation.budgeted == Decimal("12500")
    edited = web.post(
        reverse("finances:allocation-update", args=[allocation.pk]),
        {
            "project": project.pk,
            "year": 2018,
            "policy_area": field.pk,
            "taakveld": taakveld().pk,
            "budgeted": "12500",
            "spent": "11000",
            "version": allocation.version,
        },
    )
    assert edited.status_code == 302
    allocation.refresh_from_db()
    assert allocation.spent == Decimal("11000")
    detail = web.get(reverse("finances:allocation-detail", args=[allocation.pk]))
    assert detail.status_code == 200 and detail.context["history"]
    overview = web.get(reverse("finances:overview"), {"year": 2018})
    assert reverse("finances:allocation-detail", args=[allocation.pk]) in overview.content.decode()
    deleted = web.post(
        reverse("finances:allocation-delete", args=[allocation.pk]),
        {"version": allocation.version},
    )
    assert deleted.status_code == 302
    assert not ProjectAllocation.objects.exists()


def test_a_programme_is_refused_as_the_field_of_an_allocation(client_for, team_member):
    project = ProjectFactory()
    programme = seed_policy_field().parent.parent
    page = client_for(team_member).post(
        reverse("finances:allocation-create"),
        {
            "project": project.pk,
            "year": 2018,
            "policy_area": programme.pk,
            "taakveld": taakveld().pk,
            "budgeted": "1",
        },
    )
    assert page.status_code == 200
    assert "policy_area" in page.context["form"].errors
    assert not ProjectAllocation.objects.exists()


def test_a_reader_cannot_open_the_allocation_pages(client_for, reader):
    allocation = ProjectAllocationFactory()
    web = client_for(reader)
    assert web.get(reverse("finances:allocation-detail", args=[allocation.pk])).status_code == 403
    assert web.get(reverse("finances:allocation-create")).status_code == 403


def test_the_project_page_shows_its_allocations_to_the_team_only(client_for, team_member, reader):
    allocation = ProjectAllocationFactory(spent=Decimal("23000"))
    url = reverse("projects:project-detail", args=[allocation.project.pk])
    link = reverse("finances:allocation-detail", args=[allocation.pk])
    assert link in client_for(team_member).get(url).content.decode()
    assert link not in client_for(reader).get(url).content.decode()
