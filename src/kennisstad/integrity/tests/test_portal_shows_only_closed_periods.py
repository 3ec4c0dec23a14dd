"""The portal publishes a period once it has ended: the current quarter's gifts and trips are
not on it (nor in the public API, nor downloadable), the ended ones are, newest first; the
municipality may publish per half year instead."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from kennisstad.integrity.selectors import period_of, published_periods

from .factories import GiftReceivedFactory, ThirdPartyTripFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def entries():
    today = timezone.localdate()
    last_quarter = period_of(today, "quarter").previous()
    return {
        "running": GiftReceivedFactory(description_nl="Lopend kwartaal", received_on=today),
        "closed": GiftReceivedFactory(
            description_nl="Vorig kwartaal",
            received_on=last_quarter.first_day,
            estimated_value=Decimal("80"),
        ),
        "trip": ThirdPartyTripFactory(destination="Kopenhagen", starts_on=today, ends_on=today),
        "last_quarter": last_quarter,
        "current": period_of(today, "quarter"),
    }


def test_only_ended_periods_are_listed(settings, entries):
    settings.KENNISSTAD_INTEGRITY_PUBLICATION = "quarter"
    assert published_periods() == [entries["last_quarter"]]
    settings.KENNISSTAD_INTEGRITY_PUBLICATION = "half_year"
    assert all(period.kind == "half_year" for period in published_periods())
    assert all(period.last_day < timezone.localdate() for period in published_periods())


def test_the_portal_shows_the_ended_period_and_refuses_the_running_one(client, settings, entries):
    settings.KENNISSTAD_INTEGRITY_PUBLICATION = "quarter"
    page = client.get(reverse("portal:integrity")).content.decode()
    assert "Vorig kwartaal" in page
    assert "Lopend kwartaal" not in page and "Kopenhagen" not in page
    running = entries["current"].slug
    assert client.get(reverse("portal:integrity"), {"periode": running}).status_code == 404
    url = reverse("portal:integrity-download", args=[running, "gifts", "csv"])
    assert client.get(url).status_code == 404
    listed = client.get("/api/v1/public-gifts/").json()["results"]
    assert [row["description_nl"] for row in listed] == ["Vorig kwartaal"]
    assert client.get("/api/v1/public-trips/").json()["results"] == []


def test_an_empty_register_says_so(client):
    response = client.get(reverse("portal:integrity"), {"lang": "en"})
    assert response.status_code == 200
    assert "Nothing has been published yet." in response.content.decode()


def test_quarters_and_half_years_end_where_they_should():
    from kennisstad.integrity.selectors import PublicationPeriod, period_from_slug

    assert PublicationPeriod(2025, 1).last_day == datetime.date(2025, 3, 31)
    assert PublicationPeriod(2025, 4).last_day == datetime.date(2025, 12, 31)
    assert PublicationPeriod(2025, 2, "half_year").first_day == datetime.date(2025, 7, 1)
    assert PublicationPeriod(2025, 1).previous() == PublicationPeriod(2024, 4)
    assert period_from_slug("2025-h2") == PublicationPeriod(2025, 2, "half_year")
    assert period_from_slug("2025-q5") is None and period_from_slug("x") is None
