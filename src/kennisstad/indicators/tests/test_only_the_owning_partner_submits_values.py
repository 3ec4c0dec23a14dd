"""Only a partner editor of the organisation that owns an indicator submits its values, and a
submitted value keeps a realisation's rules (measured-from year, no future peildatum, a source);
while one waits another for that year is refused, after a rejection a new one may come."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from kennisstad.accounts.models import Role
from kennisstad.accounts.tests.factories import UserFactory
from kennisstad.indicators.delivery_services import reject_delivery
from kennisstad.indicators.models import DeliveredValue, DeliveryStatus
from kennisstad.indicators.tests.factories import delivered_value, partner_indicator
from kennisstad.relations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_the_owning_partner_submits_and_the_value_waits(partner_editor, partner_organisation):
    indicator = partner_indicator(partner_organisation)
    delivered = delivered_value(indicator, partner_editor, note="Incl. Expat Fair")
    stored = DeliveredValue.objects.get(pk=delivered.pk)
    assert stored.status == DeliveryStatus.SUBMITTED
    assert stored.organisation == partner_organisation
    assert stored.submitted_by == partner_editor
    assert (stored.value, stored.source) == (Decimal("12500"), "Bezoekersregistratie IWCN")
    assert stored.realisation is None


@pytest.mark.parametrize("role", [Role.TEAM_MEMBER, Role.READER, Role.ADMINISTRATOR])
def test_no_one_but_a_partner_submits(partner_organisation, role):
    indicator = partner_indicator(partner_organisation)
    with pytest.raises(PermissionDenied):
        delivered_value(indicator, UserFactory(role=role))
    assert not DeliveredValue.objects.exists()


def test_a_partner_of_another_organisation_is_refused(partner_organisation):
    indicator = partner_indicator(partner_organisation)
    other = UserFactory(role=Role.PARTNER_EDITOR, organisation=OrganisationFactory())
    with pytest.raises(PermissionDenied):
        delivered_value(indicator, other)
    unowned = partner_indicator(None)
    with pytest.raises(PermissionDenied):
        delivered_value(unowned, other)
    assert not DeliveredValue.objects.exists()


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"year": 2015}, "year"),  # measured from 2016
        ({"measured_on": timezone.localdate() + datetime.timedelta(days=1)}, "measured_on"),
        ({"source": "  "}, "source"),
        ({"value": None}, "value"),
        ({"value": Decimal("7"), "display_text": "Top 8"}, "value"),
        ({"value": None, "display_text": "1.250"}, "display_text"),  # a number is a value
    ],
)
def test_a_value_breaking_a_rule_is_refused_naming_the_field(
    partner_editor, partner_organisation, fields, field
):
    indicator = partner_indicator(partner_organisation)
    with pytest.raises(ValidationError) as refused:
        delivered_value(indicator, partner_editor, **fields)
    assert field in refused.value.message_dict
    assert not DeliveredValue.objects.exists()


def test_one_waits_per_year_and_a_rejected_one_may_be_resubmitted(
    partner_editor, partner_organisation, team_member
):
    indicator = partner_indicator(partner_organisation)
    first = delivered_value(indicator, partner_editor)
    with pytest.raises(ValidationError) as refused:
        delivered_value(indicator, partner_editor, value=Decimal("12600"))
    assert "year" in refused.value.message_dict
    reject_delivery(delivered=first, user=team_member, reason="Peildatum klopt niet")
    again = delivered_value(indicator, partner_editor, value=Decimal("12600"))
    assert again.pk != first.pk
    first.refresh_from_db()
    assert (first.status, first.review_note) == (DeliveryStatus.REJECTED, "Peildatum klopt niet")
    assert again.status == DeliveryStatus.SUBMITTED
