"""The team registers a gift received at a conference (no visit) and one received during a
visit (from the delegation page); the delegation page shows the visit's gifts received and
given through integrity's section; every page of the registers renders in Dutch and English."""

import pytest
from django.urls import reverse

from kennisstad.delegations.tests.factories import DelegationFactory
from kennisstad.integrity.models import GiftReceived

from .factories import (
    GiftGivenFactory,
    GiftReceivedFactory,
    OfficeHolderFactory,
    ThirdPartyTripFactory,
)

pytestmark = pytest.mark.django_db


def gift(recipient, **extra) -> dict:
    return {
        "recipient": recipient.pk,
        "received_on": "2025-03-10",
        "giver_name": "Organisatie Energy Transition Congress",
        "occasion": "Spreker op het congres",
        "description_nl": "Gegraveerde vulpen",
        "estimated_value": "60.00",
        "disposition": "municipality",
        **extra,
    }


def test_a_gift_at_a_conference_needs_no_visit(client_for, team_member):
    holder = OfficeHolderFactory(name="Karin Veenstra")
    web = client_for(team_member)
    response = web.post(reverse("integrity:gift-received-create"), gift(holder))
    assert response.status_code == 302, response.content.decode()
    saved = GiftReceived.objects.get()
    assert saved.delegation is None and saved.history.count() == 1
    assert response["Location"] == reverse("integrity:gift-received-detail", args=[saved.pk])
    page = web.get(response["Location"]).content.decode()
    assert "Gegraveerde vulpen" in page and "Energy Transition Congress" in page


def test_a_gift_during_a_visit_shows_on_the_delegation_page(client_for, team_member):
    delegation = DelegationFactory()
    web = client_for(team_member)
    page = web.get(reverse("delegations:delegation-detail", args=[delegation.pk])).content.decode()
    create = reverse("integrity:gift-received-create")
    assert f"{create}?delegation={delegation.pk}" in page
    form = web.get(create, {"delegation": delegation.pk}).content.decode()
    assert f'value="{delegation.pk}" selected' in form
    data = gift(OfficeHolderFactory(), delegation=delegation.pk, description_nl="Porseleinen vaas")
    assert web.post(create, data).status_code == 302
    GiftGivenFactory(delegation=delegation, description_nl="Delfts blauwe tegel")
    page = web.get(reverse("delegations:delegation-detail", args=[delegation.pk])).content.decode()
    assert "Porseleinen vaas" in page and "Delfts blauwe tegel" in page


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_page_of_the_registers_renders(client_for, team_member, language):
    records = {
        "office-holder": OfficeHolderFactory(),
        "gift-received": GiftReceivedFactory(),
        "gift-given": GiftGivenFactory(),
        "trip": ThirdPartyTripFactory(),
    }
    web = client_for(team_member)
    web.cookies["django_language"] = language
    urls = [reverse("integrity:register"), reverse("integrity:register") + "?period=2027-h1"]
    for kind, record in records.items():
        urls += [
            reverse(f"integrity:{kind}-list"),
            reverse(f"integrity:{kind}-create"),
            reverse(f"integrity:{kind}-detail", args=[record.pk]),
            reverse(f"integrity:{kind}-update", args=[record.pk]),
        ]
    urls.append(reverse("portal:integrity"))
    for url in urls:
        response = web.get(url)
        assert response.status_code == 200, url
        assert f'<html lang="{language}"' in response.content.decode(), url


def test_an_edit_keeps_the_audit_trail_and_refuses_a_stale_version(
    client_for, team_member, second_team_member
):
    saved = GiftReceivedFactory(description_nl="Vaas")
    url = reverse("integrity:gift-received-update", args=[saved.pk])
    data = gift(saved.recipient, description_nl="Vaas (porselein)", version="1")
    assert client_for(team_member).post(url, data).status_code == 302
    assert client_for(second_team_member).post(url, {**data, "occasion": "x"}).status_code == 409
    saved.refresh_from_db()
    assert (saved.description_nl, saved.version) == ("Vaas (porselein)", 2)
