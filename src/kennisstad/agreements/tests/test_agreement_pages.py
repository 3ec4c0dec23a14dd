"""The team records an agreement with its parties on a form that works without JavaScript; the
list filters by kind, status, country and expiry; the organisation, project and delegation pages
show the agreements they fall under, and the digest the agreements expiring soon."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from kennisstad.agenda.digest import render_digest
from kennisstad.agreements.models import Agreement
from kennisstad.delegations.tests.factories import DelegationFactory
from kennisstad.projects.tests.factories import ProjectFactory

from .factories import AgreementFactory, PartnerCityFactory

pytestmark = pytest.mark.django_db


def _form(city, **fields) -> dict:
    data = {
        "title_nl": "Stedenband Oldenburg",
        "kind": "city_link",
        "signed_on": "2024-05-01",
        "term_years": "5",
        "renewal": "none",
        "parties-TOTAL_FORMS": "1",
        "parties-INITIAL_FORMS": "0",
        "parties-MIN_NUM_FORMS": "0",
        "parties-MAX_NUM_FORMS": "1000",
        "parties-0-organisation": str(city.pk),
        "parties-0-role": "signatory",
        "parties-0-signed_as": "Oberbürgermeister",
    }
    return {**data, **fields}


def test_the_team_records_an_agreement_on_the_form(team_member, client_for):
    city = PartnerCityFactory(relationship_owner=team_member)
    web = client_for(team_member)
    response = web.post(reverse("agreements:agreement-create"), _form(city))
    assert response.status_code == 302, response.context["form"].errors
    agreement = Agreement.objects.get()
    assert agreement.expires_on == datetime.date(2029, 5, 1)
    assert agreement.relationship_owner == team_member  # the party's owner, by default
    assert agreement.partyships.get().signed_as == "Oberbürgermeister"


def test_a_wrong_date_is_shown_on_its_field(team_member, client_for):
    city = PartnerCityFactory()
    response = client_for(team_member).post(
        reverse("agreements:agreement-create"),
        _form(city, term_years="", expires_on="2020-01-01"),
    )
    assert response.status_code == 200
    assert "expires_on" in response.context["form"].errors
    assert not Agreement.objects.exists()


def test_the_list_filters(reader, client_for, settings):
    settings.AGREEMENT_REMINDER_DAYS = 90
    soon = timezone.localdate() + datetime.timedelta(days=30)
    AgreementFactory(title_nl="Bijna verlopen", expires_on=soon)
    AgreementFactory(
        title_nl="Chinese stedenband", kind="city_link", parties=[PartnerCityFactory(country="CN")]
    )
    web = client_for(reader)
    url = reverse("agreements:agreement-list")
    for query, shown, hidden in [
        ("?expiring=on", "Bijna verlopen", "Chinese stedenband"),
        ("?status=expiring", "Bijna verlopen", "Chinese stedenband"),
        ("?kind=city_link", "Chinese stedenband", "Bijna verlopen"),
        ("?country=CN", "Chinese stedenband", "Bijna verlopen"),
    ]:
        page = web.get(url + query).content.decode()
        assert shown in page and hidden not in page, query


def test_the_records_under_it_show_the_agreement(reader, client_for):
    city = PartnerCityFactory()
    project, delegation = ProjectFactory(), DelegationFactory()
    agreement = AgreementFactory(title_nl="Trilaterale samenwerking", parties=[city])
    agreement.projects.set([project])
    agreement.delegations.set([delegation])
    web = client_for(reader)
    for name, record in [
        ("relations:organisation-detail", city),
        ("projects:project-detail", project),
        ("delegations:delegation-detail", delegation),
    ]:
        page = web.get(reverse(name, args=[record.pk])).content.decode()
        assert reverse("agreements:agreement-detail", args=[agreement.pk]) in page, name


def test_the_digest_lists_agreements_expiring_soon(team_member, settings):
    settings.AGREEMENT_REMINDER_DAYS = 90
    AgreementFactory(
        title_nl="Bijna verlopen", expires_on=timezone.localdate() + datetime.timedelta(days=30)
    )
    AgreementFactory(title_nl="Nog lang geldig")
    _subject, body = render_digest(team_member, days=14)
    assert "Bijna verlopen" in body and "Nog lang geldig" not in body
