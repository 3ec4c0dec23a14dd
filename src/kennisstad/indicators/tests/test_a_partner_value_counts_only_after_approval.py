"""A partner's value counts only after approval: while it waits it is not a realisation, so the
indicator's table, the official figures, the dashboard and the year status (what the budget and
the missing-value check read) show the dash; once a team member approves it, they show it."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from kennisstad.indicators import selectors
from kennisstad.indicators.delivery_services import approve_delivery, reject_delivery
from kennisstad.indicators.formatting import DASH
from kennisstad.indicators.models import Realisation
from kennisstad.indicators.tests.factories import delivered_value, partner_indicator
from kennisstad.indicators.views import year_rows

pytestmark = pytest.mark.django_db


def trend_cell(client, indicator, year: int) -> str:
    html = client.get(reverse("indicators:indicator-detail", args=[indicator.pk])).content.decode()
    table = re.search(r'<section aria-labelledby="trend-heading">.*?</section>', html, re.S)
    row = re.search(rf'scope="row">{year}</th>\s*<td[^>]*>(.*?)</td>', table.group(0), re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", row.group(1)).split()) if row else ""


def counted(indicator, year: int) -> dict:
    """What every reader of figures sees for the year."""
    figures = selectors.official_realisations([indicator.pk], [year])
    [status] = selectors.year_status([indicator], year=year)
    sources = selectors.indicator_sources(indicator)
    rows = {row["year"]: row for row in year_rows(indicator, sources)}
    return {
        "realisations": Realisation.objects.filter(indicator=indicator, year=year).count(),
        "official": (indicator.pk, year) in figures,
        "status": status["realised"],
        "table": rows[year]["realised_text"] if year in rows else DASH,
    }


NOT_COUNTED = {"realisations": 0, "official": False, "status": DASH, "table": DASH}


def test_a_submitted_value_counts_nowhere_until_approved(
    partner_editor, partner_organisation, team_member, client_for
):
    indicator = partner_indicator(partner_organisation)
    delivered = delivered_value(indicator, partner_editor)
    assert counted(indicator, 2017) == NOT_COUNTED
    client = client_for(team_member)
    assert "12.500" not in trend_cell(client, indicator, 2017)
    approve_delivery(delivered=delivered, user=team_member)
    assert counted(indicator, 2017) == {
        "realisations": 1,
        "official": True,
        "status": "12.500",
        "table": "12.500",
    }
    assert trend_cell(client, indicator, 2017).startswith("12.500")


def test_a_rejected_value_never_counts(
    partner_editor, partner_organisation, team_member, client_for
):
    indicator = partner_indicator(partner_organisation)
    delivered = delivered_value(indicator, partner_editor)
    reject_delivery(delivered=delivered, user=team_member, reason="Dubbel geteld")
    assert counted(indicator, 2017) == NOT_COUNTED


def test_the_dashboard_shows_the_value_only_once_approved(
    partner_editor, partner_organisation, team_member, client_for
):
    indicator = partner_indicator(partner_organisation)
    year = timezone.localdate().year
    delivered = delivered_value(
        indicator, partner_editor, year=year, measured_on=timezone.localdate()
    )
    client = client_for(team_member)

    def dashboard_row() -> str:
        html = client.get(reverse("workspace:home")).content.decode()
        section = re.search(r'aria-labelledby="indicators-heading">.*?</section>', html, re.S)
        row = re.search(rf"{indicator.name_nl}</a></th>\s*<td[^>]*>(.*?)</td>", section.group(0))
        return row.group(1).strip()

    assert dashboard_row() == DASH
    approve_delivery(delivered=delivered, user=team_member)
    assert dashboard_row() == "12.500"
