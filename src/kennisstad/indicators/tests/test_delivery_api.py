"""/api/v1/deliveries/: a partner lists and submits its own organisation's values; the team
lists all and approves or rejects them. Refusals are 403 (who may not, the four-eyes refusal
naming its reason) or 400 (what is wrong, naming the field)."""

import pytest

from kennisstad.accounts.models import Role
from kennisstad.accounts.tests.factories import UserFactory
from kennisstad.indicators.models import DeliveredValue, Origin, Realisation
from kennisstad.indicators.tests.factories import delivered_value, partner_indicator
from kennisstad.relations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/deliveries/"


def body(indicator, **fields):
    return {
        "indicator": indicator.pk,
        "year": 2017,
        "value": "12500",
        "measured_on": "2018-01-15",
        "source": "Bezoekersregistratie",
        **fields,
    }


def test_a_partner_submits_and_lists_only_its_own(
    api_client_for, partner_editor, partner_organisation
):
    ours = partner_indicator(partner_organisation)
    other_org = OrganisationFactory()
    theirs = partner_indicator(other_org)
    delivered_value(theirs, UserFactory(role=Role.PARTNER_EDITOR, organisation=other_org))
    client = api_client_for(partner_editor)
    created = client.post(URL, body(ours), format="json")
    assert created.status_code == 201, created.content
    assert created.json()["status"] == "ingediend"
    assert created.json()["organisation"] == partner_organisation.pk
    listed = client.get(URL).json()["results"]
    assert [row["id"] for row in listed] == [created.json()["id"]]
    other = DeliveredValue.objects.get(indicator=theirs)
    assert client.get(f"{URL}{other.pk}/").status_code == 404
    refused = client.post(URL, body(theirs), format="json")
    assert refused.status_code == 403
    assert "organisatie die eigenaar is van deze indicator" in refused.json()["detail"]


def test_a_bad_value_is_a_400_naming_the_field(
    api_client_for, partner_editor, partner_organisation
):
    indicator = partner_indicator(partner_organisation)
    client = api_client_for(partner_editor)
    response = client.post(URL, body(indicator, year=2015), format="json")
    assert response.status_code == 400
    assert "year" in response.json()
    response = client.post(URL, body(indicator, measured_on="2999-01-01"), format="json")
    assert response.status_code == 400
    assert "measured_on" in response.json()
    assert not DeliveredValue.objects.exists()


def test_the_team_approves_and_four_eyes_are_kept(
    api_client_for, partner_editor, partner_organisation, team_member, reader
):
    indicator = partner_indicator(partner_organisation)
    delivered = delivered_value(indicator, partner_editor)
    assert api_client_for(reader).get(URL).status_code == 403
    team = api_client_for(team_member)
    assert [row["id"] for row in team.get(URL).json()["results"]] == [delivered.pk]
    by_partner = api_client_for(partner_editor).post(
        f"{URL}{delivered.pk}/approve/", {"version": delivered.version}, format="json"
    )
    assert by_partner.status_code == 403
    approved = team.post(f"{URL}{delivered.pk}/approve/", {"version": 1}, format="json")
    assert approved.status_code == 200, approved.content
    assert approved.json()["status"] == "goedgekeurd"
    assert Realisation.objects.get().origin == Origin.DELIVERED
    again = team.post(f"{URL}{delivered.pk}/approve/", {"version": 2}, format="json")
    assert again.status_code == 400


def test_the_one_who_entered_it_is_refused_with_the_reason(
    api_client_for, partner_editor, partner_organisation
):
    indicator = partner_indicator(partner_organisation)
    delivered = delivered_value(indicator, partner_editor)
    partner_editor.role, partner_editor.organisation = Role.TEAM_MEMBER, None
    partner_editor.save()
    response = api_client_for(partner_editor).post(
        f"{URL}{delivered.pk}/approve/", {"version": 1}, format="json"
    )
    assert response.status_code == 403
    assert "vier ogen" in response.json()["detail"]


def test_a_rejection_needs_its_reason_and_a_version(
    api_client_for, partner_editor, partner_organisation, team_member
):
    indicator = partner_indicator(partner_organisation)
    delivered = delivered_value(indicator, partner_editor)
    team = api_client_for(team_member)
    reject = f"{URL}{delivered.pk}/reject/"
    assert team.post(reject, {"version": 1}, format="json").status_code == 400
    assert team.post(reject, {"note": "x"}, format="json").status_code == 428
    rejected = team.post(
        f"{URL}{delivered.pk}/reject/", {"version": 1, "note": "Dubbel geteld"}, format="json"
    )
    assert rejected.status_code == 200
    assert (rejected.json()["status"], rejected.json()["review_note"]) == (
        "afgewezen",
        "Dubbel geteld",
    )
    assert not Realisation.objects.exists()
    assert rejected.json()["reviewed_by"] == str(team_member)
    seen_by_partner = api_client_for(partner_editor).get(f"{URL}{delivered.pk}/").json()
    assert seen_by_partner["review_note"] == "Dubbel geteld"
    assert seen_by_partner["reviewed_by"] is None  # the municipality's own business


def test_the_team_does_not_submit_through_the_api(
    api_client_for, partner_organisation, team_member
):
    indicator = partner_indicator(partner_organisation)
    response = api_client_for(team_member).post(URL, body(indicator), format="json")
    assert response.status_code == 403
    assert not DeliveredValue.objects.exists()
