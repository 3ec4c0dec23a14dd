"""Groningen's own documents disagree (the Jaarverslag 2017 reports 8 collaboration projects for
2016 where the Begroting 2018 reported 2; the Jaarverslag 2018 prints "> 2" where the Begroting
2018 set "> 5"). Importing them reports the conflicts, keeps both numbers with their source, and
never changes an adopted target or a published table."""

import csv
import io

import pytest
from django.core.management import call_command

from kennisstad.indicators.models import Realisation, Target
from kennisstad.planning.tests.factories import adopted_seed, import_seed, seed_text
from kennisstad.policy.models import PolicyArea

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

JAARSTUKKEN_2018 = """Jaarstukken 2018

Economie en werkgelegenheid

2.1.4 (Inter)nationaal Promoten van onze kennissectoren

Prestatie-indicatoren

Behaald
\u00a02017

Beoogd
\u00a02018

Behaald
\u00a02018

Aantal samenwerkingsprojecten op gebied van Kennis/innovatie

8

> 2

9

Aantal profileringsprojecten Groningen kennisstad

4

> 5

6

Wat hebben we bereikt?

We hebben meer samenwerkingsprojecten opgezet dan beoogd.
"""

JAARSTUKKEN_2017 = """Jaarstukken 2017

2.1.4 (Inter)nationaal Promoten van onze kennissectoren

Prestatie-indicatoren

Behaald 2016

Beoogd 2017

Behaald 2017

Aantal samenwerkingsprojecten op gebied van Kennis/innovatie

8

> 2

7
"""


def test_a_later_document_with_another_number_is_reported_and_both_are_kept():
    import_seed()
    report = import_seed(JAARSTUKKEN_2017)
    conflict = next(str(line) for line in report.conflicts if "Behaald 2016" in line.message)
    assert "8 in Jaarstukken 2017" in conflict and "2 in Begroting 2018" in conflict
    assert conflict.startswith("line ")  # where the jaarstukken print the other number
    values = set(
        Realisation.objects.filter(
            year=2016, indicator__name_nl__startswith="Aantal samen"
        ).values_list("value", "source_document__kind")
    )
    assert values == {(2, "begroting"), (8, "jaarstukken")}


def test_an_adopted_target_is_never_overwritten_by_a_later_quote(team_member):
    begroting = adopted_seed(user=team_member)
    report = import_seed(JAARSTUKKEN_2018)
    assert any(
        "> 2 in Jaarstukken 2018" in line.message
        and "> 5 in Begroting 2018" in line.message
        and line.line
        for line in report.conflicts
    )
    adopted = Target.objects.get(
        indicator__name_nl__startswith="Aantal samen", year=2018, set_in=begroting
    )
    assert adopted.display_text == "> 5" and adopted.is_frozen
    quoted = Target.objects.get(
        indicator__name_nl__startswith="Aantal samen",
        year=2018,
        source_document__year=2018,
        source_document__kind="jaarstukken",
    )
    assert quoted.display_text == "> 2" and quoted.set_in is None  # kept beside it


def test_each_published_document_keeps_showing_what_it_printed(team_member):
    adopted_seed(user=team_member)
    import_seed(JAARSTUKKEN_2018)
    out = io.StringIO()
    call_command("export-begroting", year=2018, kind="jaarstukken", format="csv", stdout=out)
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert rows[0] == ["Prestatie-indicatoren", "Behaald 2017", "Beoogd 2018", "Behaald 2018"]
    # As printed, even though the adopted target was > 5.
    assert rows[1][1:] == ["8", "> 2", "9"]
    assert rows[2][1:] == ["4", "> 5", "6"]
    out = io.StringIO()
    call_command("export-begroting", year=2018, policy_field="2.1.4", format="csv", stdout=out)
    assert list(csv.reader(io.StringIO(out.getvalue())))[1][1:] == ["-", "2", "Beoogd > 2", "> 5"]


def test_another_title_for_a_stored_policy_field_is_a_conflict_on_its_line():
    import_seed()
    renamed = seed_text().replace("2.1.4 (Inter)nationaal Promoten", "2.1.4 Promoten", 1)
    report = import_seed(renamed)
    (conflict,) = (problem for problem in report.conflicts if "stored title" in problem.message)
    assert conflict.line == 5  # where the document names the policy field
    assert str(conflict).startswith("line 5: policy field 2.1.4: stored title “(Inter)nationaal")
    assert PolicyArea.objects.get(code="2.1.4").title_nl.startswith("(Inter)nationaal")
