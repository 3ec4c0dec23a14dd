"""Likely duplicates are found by stored comparison keys: names that differ only in case,
accents, punctuation, legal form or language variant, the same website domain, the same
person's name or email address."""

import pytest
from django.urls import reverse

from kennisstad.relations.duplicates import organisation_candidates, person_candidates
from kennisstad.relations.normalise import (
    organisation_name_key,
    person_name_key,
    website_domain,
)
from kennisstad.relations.tests.factories import OrganisationFactory, PersonFactory


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Philips N.V.", "philips nv"),
        ("Siemens GmbH", "SIEMENS"),
        ("Stichting Noorderpoort", "Noorderpoort"),
        ("Universiteit Twente", "University of Twente"),
        ("Université de Liège", "Universiteit Liège"),
        ("Technische Universität München", "Technische Universitaet Munchen".replace("ae", "a")),
        ("Acme Ltd.", "ACME Limited"),
        ("Zernike-Campus B.V.", "Zernike Campus"),
    ],
)
def test_names_that_mean_the_same_organisation_meet(one, other):
    assert organisation_name_key(one) == organisation_name_key(other)


def test_different_organisations_stay_apart():
    assert organisation_name_key("Rijksuniversiteit Groningen") != organisation_name_key(
        "Hanzehogeschool Groningen"
    )


def test_website_domains():
    assert website_domain("https://www.rug.nl/about") == "rug.nl"
    assert website_domain("rug.nl") == "rug.nl"
    assert website_domain("https://www.linkedin.com/company/rug") == ""
    assert person_name_key("Jan", "Jansen") == person_name_key("JANSEN,", "jan")


@pytest.mark.django_db
def test_candidates_with_their_reasons():
    rug = OrganisationFactory(name="Rijksuniversiteit Groningen", website="https://www.rug.nl")
    same_site = OrganisationFactory(name="University of Groningen", website="http://rug.nl/")
    same_name = OrganisationFactory(name="rijksuniversiteit groningen")
    OrganisationFactory(name="Gasunie")
    pairs = {(c.kept.pk, c.removed.pk): c.reasons for c in organisation_candidates()}
    assert pairs == {(rug.pk, same_site.pk): ["website"], (rug.pk, same_name.pk): ["name"]}

    jan = PersonFactory(first_name="Jan", last_name="de Vries", email="jan@example.org")
    twin = PersonFactory(first_name="Jan", last_name="De Vries", email="JAN@example.org")
    PersonFactory(first_name="Jan", last_name="Jansen")
    people = person_candidates()
    assert [(c.kept, c.removed, c.reasons) for c in people] == [
        (jan, twin, ["person_name", "email"])
    ]


@pytest.mark.django_db
def test_the_duplicates_page_is_for_the_team(client_for, team_member, reader, partner_editor):
    OrganisationFactory(name="Gasunie N.V.")
    OrganisationFactory(name="GASUNIE")
    url = reverse("relations:duplicates")
    for outsider in (reader, partner_editor):
        assert client_for(outsider).get(url).status_code == 403
    page = client_for(team_member).get(url)
    assert page.status_code == 200
    assert "Gasunie N.V." in page.content.decode()
    assert client_for(team_member).get(url + "?kind=people").status_code == 200
