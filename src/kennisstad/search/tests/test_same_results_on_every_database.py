"""The suite runs on SQLite and on PostgreSQL; these expectations are written out so both
backends are held to exactly the same answer for every query."""

import pytest

from kennisstad.agenda.tests.factories import ActivityFactory
from kennisstad.projects.tests.factories import ProjectFactory
from kennisstad.relations.tests.factories import OrganisationFactory, PersonFactory
from kennisstad.search.selectors import matching_ids

pytestmark = pytest.mark.django_db


@pytest.fixture
def registry():
    records = {
        "tum": OrganisationFactory(
            name="Technische Universität München", abbreviation="TUM", country="DE", city="München"
        ),
        "rug": OrganisationFactory(name="Rijksuniversiteit Groningen", abbreviation="RUG"),
        "hanze": OrganisationFactory(
            name="Hanzehogeschool Groningen", description_en="University of applied sciences"
        ),
        "ningbo": OrganisationFactory(name="Ningbo Municipality", country="CN", city="Ningbo"),
        "jansen": PersonFactory(
            first_name="Anneke",
            last_name="Jansen",
            job_title="Beleidsadviseur",
            email="a.jansen@rug.nl",
        ),
        "mueller": PersonFactory(
            first_name="Jürgen", last_name="Müller", job_title="Professor", email="j.mueller@tum.de"
        ),
        "smart": ProjectFactory(title_nl="Smart Users City", title_en="Smart Users City"),
        "welkom": ProjectFactory(
            title_nl="Welkomstbeleid 2.0",
            title_en="Welcome policy 2.0",
            description_nl="Samenwerkingsproject met de Hanzehogeschool en de universiteit.",
        ),
        "beurs": ActivityFactory(
            title_nl="Handelsmissie Ningbo", title_en="Trade mission Ningbo", city="Ningbo"
        ),
        "congres": ActivityFactory(
            title_nl="Energiecongres", title_en="Energy congress", location="Martiniplaza"
        ),
    }
    return {name: record.pk for name, record in records.items()}


# query -> the record names each backend must find (and nothing else)
EXPECTED = {
    "universitat": {"tum"},  # accents folded: finds "Universität"
    "MÜNCHEN": {"tum"},  # case and accents ignored
    "muller": {"mueller"},
    "universit": {"tum", "hanze", "welkom"},  # word prefixes: "university", "universiteit"
    "groningen": {"rug", "hanze"},
    "hanze groningen": {"hanze"},  # every word must match
    "ningbo": {"ningbo", "beurs"},
    "trade mission": {"beurs"},  # the English title is searched too
    "samenwerk": {"welkom"},  # prefix inside the Dutch description
    "2.0": {"welkom"},  # punctuation separates words on both backends
    "a.jansen@rug.nl": {"jansen"},
    "duitsland": {"tum"},  # the country's Dutch name
    "germany": {"tum"},  # and its English name
    "martiniplaza": {"congres"},
    "iversit": set(),  # not a word prefix
    "smart nowhere": set(),
    "%": set(),  # no words at all
}


@pytest.mark.parametrize("query", sorted(EXPECTED))
def test_every_backend_finds_exactly_the_expected_records(registry, team_member, query):
    found = matching_ids(user=team_member, query=query)
    by_kind = {
        "organisation": {"tum", "rug", "hanze", "ningbo"},
        "person": {"jansen", "mueller"},
        "project": {"smart", "welkom"},
        "activity": {"beurs", "congres"},
    }
    names = {
        name
        for kind, members in by_kind.items()
        for name in members
        if registry[name] in found[kind]
    }
    assert names == EXPECTED[query]
