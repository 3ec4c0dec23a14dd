"""The team's dashboard lists every official figure a later recount contradicts (indicator,
year, official, recount, a link to the year's sources); readers do not get the list."""

import re

import pytest
from django.urls import reverse

from kennisstad.indicators import selectors
from kennisstad.indicators.tests.disagreeing import disagreeing_2016, recount

pytestmark = pytest.mark.django_db


def differing_section(client) -> str:
    html = client.get(reverse("workspace:home")).content.decode()
    match = re.search(r'<section aria-labelledby="differing-heading">.*?</section>', html, re.S)
    return match.group(0) if match else ""


def test_the_dashboard_lists_the_differing_figure(client_for, team_member):
    indicator, *_values = disagreeing_2016()
    official = selectors.official_realisations([indicator.pk], [2016])[(indicator.pk, 2016)]
    recount(indicator, 11)
    section = differing_section(client_for(team_member))
    link = f"{reverse('indicators:indicator-detail', args=[indicator.pk])}#sources-2016"
    assert f'href="{link}"' in section and indicator.name_nl in section
    [row] = re.findall(
        r'<tr class="utrecht-table__row">\s*<th[^>]*scope="row".*?</tr>', section, re.S
    )
    cells = [
        " ".join(re.sub(r"<[^>]+>", " ", c).split())
        for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
    ]
    assert cells[1] == "2016"
    assert cells[2].startswith(f"{int(official.realisation.value)} (")
    assert cells[3].startswith("11 (")


def test_agreeing_figures_and_readers_get_no_list(client_for, team_member, reader):
    indicator, *_values = disagreeing_2016()
    official = selectors.official_realisations([indicator.pk], [2016])[(indicator.pk, 2016)]
    recount(indicator, int(official.realisation.value))  # agrees: nothing to look into
    assert differing_section(client_for(team_member)) == ""
    recount(indicator, 11)
    assert differing_section(client_for(reader)) == ""
