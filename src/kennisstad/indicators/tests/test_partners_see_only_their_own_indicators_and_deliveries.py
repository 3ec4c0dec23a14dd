"""A partner editor's "My indicators" page lists only the indicators its organisation owns,
with their approved figures and the values still waiting or rejected; it sees no other
organisation's indicators or deliveries, cannot enter a value for them, and does not open the
team's review page. The navigation leads partners to the page."""

import pytest
from django.urls import reverse

from kennisstad.accounts.models import Role
from kennisstad.accounts.tests.factories import UserFactory
from kennisstad.indicators.delivery_services import approve_delivery, reject_delivery
from kennisstad.indicators.models import DeliveredValue
from kennisstad.indicators.tests.factories import delivered_value, partner_indicator
from kennisstad.relations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_partners(partner_editor, partner_organisation, team_member):
    ours = partner_indicator(partner_organisation, name_nl="Aantal bezoekers IWCN")
    other_org = OrganisationFactory(name="Marketing Groningen")
    other_editor = UserFactory(role=Role.PARTNER_EDITOR, organisation=other_org)
    theirs = partner_indicator(other_org, name_nl="Bereik Top Dutch-campagne")
    approve_delivery(delivered=delivered_value(ours, partner_editor), user=team_member)
    rejected = delivered_value(ours, partner_editor, year=2018, value=9999)
    reject_delivery(delivered=rejected, user=team_member, reason="Peildatum ontbreekt")
    delivered_value(ours, partner_editor, year=2018, value=4321)
    delivered_value(theirs, other_editor, source="Geheime bron Marketing")
    return ours, theirs, other_editor


def test_my_indicators_shows_only_ours(client_for, partner_editor, two_partners):
    ours, _theirs, _other = two_partners
    response = client_for(partner_editor).get(reverse("indicators:my-indicators"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Aantal bezoekers IWCN" in html and "12.500" in html  # approved: counts
    assert "4.321" in html  # waiting
    assert "9.999" in html and "Peildatum ontbreekt" in html  # rejected, with why
    assert "Bereik Top Dutch-campagne" not in html and "Geheime bron" not in html
    assert reverse("indicators:deliver", args=[ours.pk]) in html
    assert reverse("indicators:my-indicators") in html  # in the navigation


def test_a_partner_cannot_deliver_for_another_organisation(
    client_for, partner_editor, two_partners
):
    _ours, theirs, _other = two_partners
    client = client_for(partner_editor)
    url = reverse("indicators:deliver", args=[theirs.pk])
    assert client.get(url).status_code == 403
    body = {"year": 2017, "value": "1", "measured_on": "2018-01-01", "source": "x"}
    assert client.post(url, body).status_code == 403
    assert DeliveredValue.objects.filter(indicator=theirs).count() == 1


def test_the_partner_enters_a_value_through_the_form(client_for, partner_editor, two_partners):
    ours, _theirs, _other = two_partners
    form = client_for(partner_editor).get(reverse("indicators:deliver", args=[ours.pk]))
    assert form.status_code == 200
    assert 'href="../../"' in form.content.decode()  # Cancel: back to "My indicators"
    body = {"year": 2019, "value": "15000", "measured_on": "2020-01-10", "source": "Registratie"}
    response = client_for(partner_editor).post(reverse("indicators:deliver", args=[ours.pk]), body)
    assert response.status_code == 302
    assert DeliveredValue.objects.get(indicator=ours, year=2019).submitted_by == partner_editor
    refused = client_for(partner_editor).post(
        reverse("indicators:deliver", args=[ours.pk]), {**body, "year": 2015}
    )
    assert refused.status_code == 200
    assert "Deze indicator wordt gemeten vanaf 2016." in refused.content.decode()
    assert not DeliveredValue.objects.filter(indicator=ours, year=2015).exists()


def test_review_and_partner_pages_are_for_their_own_users(
    client_for, partner_editor, team_member, reader
):
    review, mine = reverse("indicators:deliveries-awaiting"), reverse("indicators:my-indicators")
    assert client_for(partner_editor).get(review).status_code == 403
    assert client_for(reader).get(review).status_code == 403
    assert client_for(team_member).get(mine).status_code == 403
    assert client_for(reader).get(mine).status_code == 403
