"""The team's dashboard shows, per deadline due soon or just passed, how many figures each owner
still owes, with links to the indicators; a deadline long gone or with everything in is left
out, and readers and partners get no such list."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from kennisstad.accounts.tests.factories import UserFactory
from kennisstad.indicators.tests.deadline_setup import chapter_with, complete, owned_indicators
from kennisstad.policy.models import DocumentKind
from kennisstad.policy.tests.factories import DeadlineFactory
from kennisstad.relations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def missing_section(client) -> str:
    html = client.get(reverse("workspace:home")).content.decode()
    match = re.search(
        r'<section aria-labelledby="missing-values-heading">.*?</section>', html, re.S
    )
    return match.group(0) if match else ""


def cells(section: str) -> list[list[str]]:
    rows = re.findall(r'<tr class="utrecht-table__row">(.*?)</tr>', section, re.S)[1:]
    return [
        [
            " ".join(re.sub(r"<[^>]+>", " ", c).split())
            for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        ]
        for row in rows
    ]


def test_the_dashboard_counts_missing_figures_per_owner_and_deadline(client_for, team_member):
    today = timezone.localdate()
    sanne = UserFactory(username="sanne", first_name="Sanne", last_name="Bakker")
    iwcn = OrganisationFactory(name="International Welcome Center North")
    indicators = owned_indicators(sanne=sanne, iwcn=iwcn, done=sanne)
    year = today.year + 1
    chapter_with(*indicators.values(), year=year)
    complete(indicators["done"], realised_year=year - 2, target_year=year)
    soon = DeadlineFactory(year=year, due_on=today + datetime.timedelta(days=10))
    DeadlineFactory(year=year - 5, due_on=today - datetime.timedelta(days=200))  # long gone
    section = missing_section(client_for(team_member))
    link = reverse("indicators:indicator-detail", args=[indicators["sanne"].pk])
    assert f'href="{link}"' in section
    assert reverse("planning:deadline-detail", args=[soon.pk]) in section
    rows = cells(section)
    assert [row[-3:-1] for row in rows] == [["Sanne Bakker", "2"], [iwcn.name, "2"]]
    assert "Indicator done" not in section


def test_nothing_missing_or_not_the_team_means_no_list(client_for, team_member, reader):
    today = timezone.localdate()
    indicators = owned_indicators(done=None)
    chapter_with(*indicators.values(), kind=DocumentKind.JAARSTUKKEN, year=today.year - 1)
    DeadlineFactory(
        document_kind=DocumentKind.JAARSTUKKEN,
        year=today.year - 1,
        due_on=today - datetime.timedelta(days=3),
    )
    assert "Indicator done" in missing_section(client_for(team_member))  # just passed
    assert missing_section(client_for(reader)) == ""
    complete(indicators["done"], realised_year=today.year - 1, target_year=today.year - 1)
    assert missing_section(client_for(team_member)) == ""
