"""The portal's partner cities: the foreign governments party to a public agreement in force,
grouped by country, with the kind of agreement, the year it was signed and its themes; never a
non-public, expired or draft agreement."""

import datetime

import pytest
from django.urls import reverse

from kennisstad.core.models import Theme
from kennisstad.relations.tests.factories import OrganisationFactory

from .factories import AgreementFactory, PartnerCityFactory

pytestmark = pytest.mark.django_db


def test_only_public_agreements_grouped_by_country(client):
    bremen = PartnerCityFactory(name="Freie Hansestadt Bremen", city="Bremen", country="DE")
    oldenburg = PartnerCityFactory(name="Stadt Oldenburg", city="Oldenburg", country="DE")
    tianjin = PartnerCityFactory(name="Tianjin Government", city="Tianjin", country="CN")
    university = OrganisationFactory(name="Universität Oldenburg", country="DE")
    trilateral = AgreementFactory(
        title_nl="Trilaterale samenwerking",
        title_en="Trilateral cooperation",
        kind="trilateral",
        signed_on=datetime.date(2023, 4, 1),
        is_public=True,
        parties=[bremen, oldenburg, university],
    )
    trilateral.themes.set([Theme.objects.get(slug="energie")])
    AgreementFactory(title_nl="Stedenband Tianjin", is_public=True, parties=[tianjin])
    hamburg = PartnerCityFactory(name="Hamburg", city="Hamburg", country="DE")
    AgreementFactory(title_nl="Geheime intentieverklaring", is_public=False, parties=[hamburg])
    AgreementFactory(
        title_nl="Verlopen overeenkomst",
        is_public=True,
        signed_on=datetime.date(2015, 1, 1),
        expires_on=datetime.date(2020, 1, 1),
        parties=[PartnerCityFactory(name="Verlopen", city="Verlopen", country="BE")],
    )
    page = client.get(reverse("portal:partner-cities") + "?lang=en").content.decode()
    assert "Geheime intentieverklaring" not in page and "Hamburg" not in page
    assert "Verlopen" not in page
    assert "Universität Oldenburg" not in page  # a university is no partner city
    # Countries in alphabetical order, cities in order within a country.
    assert page.index("China") < page.index("Tianjin") < page.index("Germany")
    assert page.index("Germany") < page.index(">Bremen<") < page.index(">Oldenburg<")
    assert "trilateral agreement, signed in 2023 · Energy" in page
    assert page.count("Trilateral cooperation") == 2  # under Bremen and under Oldenburg


def test_the_page_in_english_and_in_the_portal_navigation(client):
    AgreementFactory(title_nl="Stedenband", title_en="City link", is_public=True)
    page = client.get(reverse("portal:partner-cities") + "?lang=en").content.decode()
    assert "Partner cities and regions" in page and "City link" in page
    home = client.get(reverse("portal:home")).content.decode()
    assert reverse("portal:partner-cities") in home
