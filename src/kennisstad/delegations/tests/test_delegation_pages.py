"""The team records a delegation on a visit's page: one form with inline rows, saved in one
versioned write; a stale form shows the conflict; the list filters by direction, year, country."""

import pytest
from django.urls import reverse

from kennisstad.delegations.models import Delegation
from kennisstad.integrity.tests.factories import GiftReceivedFactory
from kennisstad.relations.tests.factories import PersonFactory

from .factories import DelegationFactory, TravelCostFactory, VisitFactory, at, outgoing_visit

pytestmark = pytest.mark.django_db


def management(prefix: str, total: int = 0, initial: int = 0) -> dict:
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def empty_formsets() -> dict:
    data = {}
    for prefix in ("members", "programme", "travel_costs"):
        data |= management(prefix)
    return data


def test_activity_page_offers_and_then_links_the_delegation(client_for, team_member, reader):
    visit = VisitFactory(title_nl="Delegatie Tianjin")
    web = client_for(team_member)
    page = web.get(reverse("agenda:activity-detail", args=[visit.pk])).content.decode()
    assert f"{reverse('delegations:delegation-create')}?activity={visit.pk}" in page
    assert (
        "?activity="
        not in client_for(reader)
        .get(reverse("agenda:activity-detail", args=[visit.pk]))
        .content.decode()
    )
    delegation = DelegationFactory(activity=visit)
    page = web.get(reverse("agenda:activity-detail", args=[visit.pk])).content.decode()
    assert reverse("delegations:delegation-detail", args=[delegation.pk]) in page
    conference = VisitFactory(kind="conference")
    page = web.get(reverse("agenda:activity-detail", args=[conference.pk])).content.decode()
    assert "delegations/new" not in page


def test_team_creates_a_delegation_with_members(client_for, team_member):
    visit = VisitFactory(title_nl="Delegatie Tianjin")
    person = PersonFactory(last_name="Wang")
    data = {
        "activity": visit.pk,
        "purpose_nl": "Partnerschap",
        "country": "CN",
        **empty_formsets(),
        **management("members", total=1),
        "members-0-person": person.pk,
        "members-0-function": "Vice-burgemeester",
        "members-0-form_of_address": "Zijne Excellentie",
        "members-0-is_head": "on",
    }
    web = client_for(team_member)
    assert (
        web.get(reverse("delegations:delegation-create") + f"?activity={visit.pk}").status_code
        == 200
    )
    response = web.post(reverse("delegations:delegation-create"), data)
    assert response.status_code == 302, response.content.decode()
    delegation = Delegation.objects.get(activity=visit)
    assert delegation.direction == "incoming"
    assert str(delegation.members.get()) == "Zijne Excellentie " + str(person)
    assert delegation.history.count() == 1 and delegation.members.get().history.count() == 1
    # Gifts are registered in the integrity registers (integrity/tests), not on this form.
    assert (
        "gifts-TOTAL_FORMS"
        not in web.get(reverse("delegations:delegation-create")).content.decode()
    )


def test_an_incoming_visit_has_no_travel_costs(client_for, team_member):
    visit = VisitFactory()
    data = {
        "activity": visit.pk,
        "purpose_nl": "Kennismaking",
        **empty_formsets(),
        **management("travel_costs", total=1),
        "travel_costs-0-traveller": "Karin Veenstra",
        "travel_costs-0-traveller_function": "Wethouder",
        "travel_costs-0-destination_country": "BE",
        "travel_costs-0-transport": "10",
        "travel_costs-0-lodging": "0",
        "travel_costs-0-other": "0",
        "travel_costs-0-paid_by": "municipality",
    }
    response = client_for(team_member).post(reverse("delegations:delegation-create"), data)
    assert response.status_code == 200
    assert "Alleen een uitgaande missie heeft reiskosten" in response.content.decode()
    assert not Delegation.objects.exists()


def test_a_stale_edit_is_refused_and_shows_the_other_change(
    client_for, team_member, second_team_member
):
    delegation = DelegationFactory(activity=outgoing_visit(at(2027, 3, 9), country="BE"))
    cost = TravelCostFactory(delegation=delegation, traveller="Karin Veenstra")
    url = reverse("delegations:delegation-update", args=[delegation.pk])

    def post(user, notes):
        data = {
            "purpose_nl": "Kennismaking",
            "notes": notes,
            "version": "1",
            **empty_formsets(),
            **management("travel_costs", total=1, initial=1),
            "travel_costs-0-id": cost.pk,
            "travel_costs-0-delegation": delegation.pk,
            "travel_costs-0-traveller": "Karin Veenstra",
            "travel_costs-0-traveller_function": "Wethouder",
            "travel_costs-0-destination_country": "BE",
            "travel_costs-0-transport": "100",
            "travel_costs-0-lodging": "50",
            "travel_costs-0-other": "0",
            "travel_costs-0-paid_by": "municipality",
        }
        return client_for(user).post(url, data)

    assert post(team_member, "eerste").status_code == 302
    second = post(second_team_member, "tweede")
    assert second.status_code == 409
    delegation.refresh_from_db()
    assert delegation.notes == "eerste" and delegation.version == 2
    assert delegation.travel_costs.get().pk == cost.pk  # updated in place, not replaced


def test_list_filters_by_direction_year_and_country(client_for, team_member):
    DelegationFactory(
        activity=VisitFactory(
            title_nl="Tianjin op bezoek", starts_at=at(2027, 4, 1), ends_at=at(2027, 4, 2)
        ),
        country="CN",
    )
    DelegationFactory(
        activity=outgoing_visit(at(2026, 10, 12), title_nl="Missie Brussel", country="BE")
    )
    web = client_for(team_member)
    url = reverse("delegations:delegation-list")

    def titles(**query):
        text = web.get(url, query).content.decode()
        return {title for title in ("Tianjin op bezoek", "Missie Brussel") if title in text}

    assert titles() == {"Tianjin op bezoek", "Missie Brussel"}
    assert titles(direction="outgoing") == {"Missie Brussel"}
    assert titles(year=2027) == {"Tianjin op bezoek"}
    assert titles(country="BE") == {"Missie Brussel"}
    assert titles(country="CN", direction="incoming") == {"Tianjin op bezoek"}


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_delegation_page_renders(client_for, team_member, language):
    delegation = DelegationFactory(activity=outgoing_visit(at(2027, 3, 9)))
    GiftReceivedFactory(delegation=delegation)  # shown through integrity's page section
    web = client_for(team_member)
    web.cookies["django_language"] = language
    for url in (
        reverse("delegations:delegation-list"),
        reverse("delegations:delegation-create"),
        reverse("delegations:delegation-detail", args=[delegation.pk]),
        reverse("delegations:delegation-update", args=[delegation.pk]),
        reverse("delegations:delegation-delete", args=[delegation.pk]),
        reverse("delegations:travel-register") + "?year=2027&half=1",
    ):
        response = web.get(url)
        assert response.status_code == 200, url
        assert f'<html lang="{language}"' in response.content.decode(), url


def test_a_visit_with_a_delegation_cannot_be_deleted_silently(client_for, team_member):
    delegation = DelegationFactory()
    activity = delegation.activity
    response = client_for(team_member).post(
        reverse("agenda:activity-delete", args=[activity.pk]), {"version": activity.version}
    )
    assert response.status_code == 302
    assert Delegation.objects.filter(pk=delegation.pk).exists()
