"""A feed address whose organiser is not a record number (``abc``, ``null``, ``1.5``, huge), or
whose kind, country or theme names nothing, gets a 400 that says so, for the public feed and for
personal feeds alike, never a 500 and never a cache entry of its own."""

import pytest
from django.urls import reverse

from kennisstad.agenda.models import ActivityKind, FeedToken
from kennisstad.agenda.tests.factories import ActivityFactory
from kennisstad.core.models import Theme

pytestmark = pytest.mark.django_db

GARBAGE = ["abc", "null", "1.5", "-1", "0", "1" + "0" * 30, "²"]


@pytest.mark.parametrize("value", GARBAGE)
def test_the_public_feed_refuses_an_organiser_that_is_no_number(client, value):
    answer = client.get(reverse("agenda:public-feed"), {"organiser": value})
    assert answer.status_code == 400
    assert "organiser" in answer.content.decode()


@pytest.mark.parametrize("value", GARBAGE)
def test_a_personal_feed_refuses_it_too(client, team_member, value):
    token = FeedToken.objects.create(user=team_member, name="Mine", token="t" * 32)
    answer = client.get(reverse("agenda:personal-feed", args=[token.token]), {"organiser": value})
    assert answer.status_code == 400


def test_a_real_organiser_still_filters(client, partner_organisation):
    ActivityFactory(
        title_nl="Van de RUG", organiser_organisation=partner_organisation, visibility="public"
    )
    ActivityFactory(title_nl="Van een ander", visibility="public")
    feed = client.get(
        reverse("agenda:public-feed"), {"organiser": str(partner_organisation.pk)}
    ).content.decode()
    assert "Van de RUG" in feed and "Van een ander" not in feed


@pytest.mark.parametrize(
    ("name", "value"),
    [("kind", "party"), ("country", "Nederland"), ("country", "N1"), ("theme", "no-such-theme")],
)
def test_a_filter_value_that_names_nothing_is_refused(client, team_member, name, value):
    """Every accepted address names a cached feed body: junk values get a 400 naming the filter
    instead of a new cache entry each."""
    answer = client.get(reverse("agenda:public-feed"), {name: value})
    assert answer.status_code == 400
    assert name in answer.content.decode()
    token = FeedToken.objects.create(user=team_member, name="Mine", token="k" * 32)
    assert (
        client.get(reverse("agenda:personal-feed", args=[token.token]), {name: value}).status_code
        == 400
    )


def test_known_values_still_filter_and_a_country_in_lower_case_is_read(client):
    ActivityFactory(title_nl="In Duitsland", country="DE", visibility="public")
    ActivityFactory(title_nl="In China", country="CN", visibility="public")
    feed = client.get(reverse("agenda:public-feed"), {"country": "de"}).content.decode()
    assert "In Duitsland" in feed and "In China" not in feed
    theme = Theme.objects.order_by("pk").first()
    ActivityFactory(title_nl="Met thema", visibility="public").themes.add(theme)
    feed = client.get(reverse("agenda:public-feed"), {"theme": theme.slug}).content.decode()
    assert "Met thema" in feed and "In China" not in feed
    kind = client.get(reverse("agenda:public-feed"), {"kind": ActivityKind.values[0]})
    assert kind.status_code == 200
