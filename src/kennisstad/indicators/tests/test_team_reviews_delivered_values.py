"""The team's review page lists each value awaiting approval with who entered it, when, the
figure that counts now for that year and the difference; approve and reject (with a reason)
work from it, the one who entered a value gets no buttons for it. The dashboard shows a block
of values awaiting approval, and the indicator's page lists its deliveries."""

import datetime
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from kennisstad.indicators.models import DeliveryStatus, Origin
from kennisstad.indicators.tests.factories import (
    RealisationFactory,
    delivered_value,
    partner_indicator,
)

pytestmark = pytest.mark.django_db

REVIEW = "indicators:deliveries-awaiting"


@pytest.fixture
def waiting(partner_editor, partner_organisation):
    indicator = partner_indicator(partner_organisation, name_nl="Aantal bezoekers IWCN")
    RealisationFactory(
        indicator=indicator,
        year=2017,
        value=Decimal("12000"),
        origin=Origin.MANUAL,
        measured_on=datetime.date(2018, 1, 2),
    )
    return delivered_value(indicator, partner_editor)  # 12.500


def cells(html: str) -> list[str]:
    row = re.search(r"<tbody[^>]*>.*?</tbody>", html, re.S).group(0)
    found = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
    return [" ".join(re.sub(r"<[^>]+>", " ", cell).split()) for cell in found]


def test_the_review_page_shows_the_previous_figure_and_difference(
    client_for, team_member, partner_editor, waiting
):
    html = client_for(team_member).get(reverse(REVIEW)).content.decode()
    row = cells(html)
    assert row[0] == "Aantal bezoekers IWCN"
    assert row[1:5] == ["2017", "12.500", "12.000", "+500"]
    assert "Bezoekersregistratie IWCN" in row[5]
    assert partner_editor.get_full_name() in row[6]
    assert 'value="approve"' in html and 'name="reason"' in html


def test_approve_and_reject_from_the_page(
    client_for, team_member, partner_editor, partner_organisation, waiting
):
    client = client_for(team_member)
    response = client.post(
        reverse(REVIEW), {"delivery": waiting.pk, "version": 1, "decision": "approve"}
    )
    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == DeliveryStatus.APPROVED
    second = delivered_value(waiting.indicator, partner_editor, year=2018)
    client.post(reverse(REVIEW), {"delivery": second.pk, "version": 1, "decision": "reject"})
    second.refresh_from_db()
    assert second.status == DeliveryStatus.SUBMITTED  # no reason: nothing decided
    client.post(
        reverse(REVIEW),
        {"delivery": second.pk, "version": 1, "decision": "reject", "reason": "Dubbel"},
    )
    second.refresh_from_db()
    assert (second.status, second.review_note) == (DeliveryStatus.REJECTED, "Dubbel")


def test_the_dashboard_and_indicator_page_show_the_deliveries(client_for, team_member, waiting):
    client = client_for(team_member)
    home = client.get(reverse("workspace:home")).content.decode()
    block = re.search(r'aria-labelledby="awaiting-deliveries-heading">.*?</section>', home, re.S)
    assert block is not None
    assert "Aantal bezoekers IWCN 2017: 12.500" in block.group(0)
    assert reverse(REVIEW) in block.group(0)
    detail = client.get(reverse("indicators:indicator-detail", args=[waiting.indicator.pk]))
    section = re.search(
        r'aria-labelledby="deliveries-heading">.*?</section>', detail.content.decode(), re.S
    )
    assert "12.500" in section.group(0) and "Bezoekersregistratie IWCN" in section.group(0)


def test_no_block_when_nothing_waits(client_for, team_member):
    home = client_for(team_member).get(reverse("workspace:home")).content.decode()
    assert "awaiting-deliveries-heading" not in home
