"""The start page after login: the coming two weeks, my follow-ups, this year's indicators
against their targets and the latest changes, each only for the roles that may see it."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from kennisstad.indicators.models import Indicator, Origin, Realisation, Target
from kennisstad.policy.tests.factories import PolicyAreaFactory
from kennisstad.relations.services import save_organisation
from kennisstad.relations.tests.factories import InteractionFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def dashboard_data(team_member):
    year = timezone.localdate().year
    field = PolicyAreaFactory(code="2.1.4", title_nl="Kennissectoren")
    indicator = Indicator.objects.create(
        policy_area=field, code="p1", name_nl="Aantal samenwerkingsprojecten"
    )
    Target.objects.create(indicator=indicator, year=year, comparator=">", value=5)
    Realisation.objects.create(
        indicator=indicator,
        year=year,
        value=3,
        origin=Origin.COMPUTED,
        measured_on=timezone.localdate(),
    )
    InteractionFactory(
        subject="Terugbellen UMCG",
        owner=team_member,
        follow_up_on=timezone.localdate() - datetime.timedelta(days=2),
    )
    organisation = OrganisationFactory(name="Stadt Oldenburg")
    organisation.city = "Oldenburg"
    save_organisation(organisation=organisation, user=team_member, expected_version=1)


def test_the_team_sees_follow_ups_indicators_and_changes(client_for, team_member, dashboard_data):
    page = client_for(team_member).get(reverse("workspace:home"))
    context = page.context
    assert [i.subject for i in context["follow_ups"]] == ["Terugbellen UMCG"]
    assert context["follow_ups_overdue"] == 1
    (row,) = context["indicator_rows"]
    assert (row["realised"], row["target"], row["met"]) == ("3", "> 5", False)
    assert context["recent_changes"][0]["name"] == "Stadt Oldenburg"
    assert context["recent_changes"][0]["who"] == team_member


def test_readers_see_indicators_but_no_follow_ups_or_changes(client_for, reader, dashboard_data):
    context = client_for(reader).get(reverse("workspace:home")).context
    assert len(context["indicator_rows"]) == 1
    assert "follow_ups" not in context and "recent_changes" not in context


def test_partners_see_neither_indicators_nor_changes(client_for, partner_editor, dashboard_data):
    context = client_for(partner_editor).get(reverse("workspace:home")).context
    assert "indicator_rows" not in context and "recent_changes" not in context
