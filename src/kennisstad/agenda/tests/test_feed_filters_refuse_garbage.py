"""A feed address whose organiser is not a record number (``abc``, ``null``, ``1.5``, huge)
gets a 400 that says so, for the public feed and for personal feeds alike, never a 500."""

import pytest
from django.urls import reverse

from kennisstad.agenda.models import FeedToken
from kennisstad.agenda.tests.factories import ActivityFactory

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
