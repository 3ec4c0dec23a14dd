"""The jaarverslag 2018 page of 2.1.4 (no title: ``--kind jaarstukken --year 2018``) prints the
2018 target as "> 2" where the Begroting 2018 adopted "> 5": the import reports the
disagreement and the indicator page shows both, each with its document."""

import html
import io
import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from kennisstad.indicators.models import Indicator
from kennisstad.planning.tests.factories import SEED
from kennisstad.planning.tests.published_layouts import LAYOUTS

pytestmark = pytest.mark.django_db

JAARVERSLAG_2018 = LAYOUTS / "02-jaarverslag-2018-untitled.txt"


def run(*args) -> str:
    out = io.StringIO()
    call_command("import-begroting", *map(str, args), "--language", "en", stdout=out)
    return out.getvalue()


def sources_of(page: str, year: int) -> list[list[str]]:
    section = re.search(rf'<section aria-labelledby="sources-{year}".*?</section>', page, re.S)
    assert section, f"no sources for {year}"
    body = section.group(0).split("<tbody", 1)[1]
    return [
        [html.unescape(" ".join(re.sub(r"<[^>]+>", " ", cell).split())) for cell in cells]
        for cells in (
            re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
            for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S)
        )
    ]


def test_the_disagreement_is_reported_and_shown_side_by_side(english, client_for, reader):
    run(SEED)
    out = run(JAARVERSLAG_2018, "--kind", "jaarstukken", "--year", "2018")
    name = "Aantal samenwerkingsprojecten op gebied van Kennis/innovatie"
    assert f"Beoogd 2018 of “{name}”: > 2 in Jaarstukken 2018, > 5 in Begroting 2018" in out
    indicator = Indicator.objects.get(name_nl=name)
    response = client_for(reader).get(reverse("indicators:indicator-detail", args=[indicator.pk]))
    shown = [" ".join(row) for row in sources_of(response.content.decode(), 2018)]
    assert any("> 5" in row and "Begroting 2018" in row for row in shown), shown
    assert any("> 2" in row and "Jaarstukken 2018" in row and "wijkt af" in row for row in shown), (
        shown
    )
    assert any("6" in row and "Jaarstukken 2018" in row for row in shown), shown  # Behaald 2018
    # imported, never adopted: shown, but no figure is called official before a decision
    assert not any(row.endswith("officieel") for row in shown), shown
