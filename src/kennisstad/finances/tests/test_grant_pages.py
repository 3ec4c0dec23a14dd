"""The team records a grant on its form and takes its steps with the forms on its page; a
refused step says why on the page and writes nothing; a stale form is a conflict, not an
overwrite."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from kennisstad.finances.grant_models import Grant, GrantStatus
from kennisstad.finances.tests.factories import GrantFactory, taakveld
from kennisstad.policy.tests.factories import seed_policy_field
from kennisstad.projects.tests.factories import ProjectFactory
from kennisstad.relations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def form_data(**extra):
    return {
        "organisation": OrganisationFactory(name="Marketing Groningen").pk,
        "title_nl": "Top Dutch-campagne 2019",
        "policy_area": seed_policy_field().pk,
        "taakveld": taakveld().pk,
        "amount_requested": "80000",
        "period_start": "2019-01-01",
        "period_end": "2019-12-31",
        **extra,
    }


def test_the_team_records_an_application_for_a_project(client_for, team_member):
    project = ProjectFactory()
    web = client_for(team_member)
    form = web.get(reverse("finances:grant-create"), {"project": project.pk})
    assert form.context["form"].initial["project"] == project.pk
    response = web.post(reverse("finances:grant-create"), form_data(project=project.pk))
    assert response.status_code == 302, response.context["form"].errors
    grant = Grant.objects.get()
    assert (grant.status, grant.project, grant.amount_requested) == (
        GrantStatus.APPLIED,
        project,
        Decimal("80000"),
    )
    page = web.get(response["Location"])
    assert set(page.context["forms"]) == {"award", "withdraw"}


def test_a_period_that_ends_before_it_starts_is_refused_on_the_form(client_for, team_member):
    response = client_for(team_member).post(
        reverse("finances:grant-create"), form_data(period_end="2018-12-31")
    )
    assert response.status_code == 200
    assert "period_end" in response.context["form"].errors
    assert not Grant.objects.exists()


def test_the_steps_are_taken_on_the_grants_page(client_for, team_member):
    grant = GrantFactory(status=GrantStatus.APPLIED, decision_number="", granted_on=None)
    web = client_for(team_member)
    step = reverse("finances:grant-step", args=[grant.pk, "award"])
    response = web.post(
        step,
        {
            "decision_number": "SUB-2018-0102",
            "amount_granted": "20000",
            "granted_on": "2018-05-02",
            "accountability_due": "2019-03-01",
            "version": grant.version,
        },
    )
    assert response.status_code == 302
    grant.refresh_from_db()
    assert (grant.status, grant.accountability_due) == (
        GrantStatus.GRANTED,
        datetime.date(2019, 3, 1),
    )
    page = web.get(reverse("finances:grant-detail", args=[grant.pk]))
    assert page.context["history"][0]["who"] == team_member


def test_a_step_the_status_does_not_allow_writes_nothing(client_for, team_member):
    grant = GrantFactory(status=GrantStatus.WITHDRAWN, withdrawn_on=datetime.date(2018, 2, 1))
    response = client_for(team_member).post(
        reverse("finances:grant-step", args=[grant.pk, "settle"]),
        {
            "amount_final": "1",
            "settled_on": "2019-06-01",
            "accountability_received_on": "2019-04-01",
            "version": grant.version,
        },
        follow=True,
    )
    assert "ingetrokken" in response.content.decode().lower()
    grant.refresh_from_db()
    assert (grant.status, grant.amount_final) == (GrantStatus.WITHDRAWN, None)


def test_a_step_from_a_stale_page_is_refused(client_for, team_member):
    grant = GrantFactory()
    response = client_for(team_member).post(
        reverse("finances:grant-step", args=[grant.pk, "withdraw"]),
        {"withdrawn_on": "2018-04-03", "reason": "Afgelast", "version": grant.version - 1},
    )
    assert response.status_code == 400
    grant.refresh_from_db()
    assert grant.status == GrantStatus.GRANTED


def test_an_edit_on_a_stale_form_is_a_conflict(client_for, team_member):
    grant = GrantFactory()
    data = form_data(organisation=grant.organisation.pk, version=grant.version)
    web = client_for(team_member)
    assert web.post(reverse("finances:grant-update", args=[grant.pk]), data).status_code == 302
    conflict = web.post(reverse("finances:grant-update", args=[grant.pk]), data)
    assert conflict.status_code == 409
