"""Nothing shown to a signed-in user stays in a browser's or proxy's cache (people, contact
moments, delegations, registers, the personal-data export, the API), while the calendar feeds
keep their own caching and their 304s, and the public portal stays cacheable."""

import pytest
from django.urls import reverse

from kennisstad.agenda.services import create_feed_token
from kennisstad.delegations.tests.factories import DelegationFactory
from kennisstad.relations.tests.factories import InteractionFactory, PersonFactory

pytestmark = pytest.mark.django_db


def uncacheable(response) -> bool:
    directives = {part.strip() for part in response.get("Cache-Control", "").split(",")}
    return {"private", "no-store"} <= directives


def test_pages_and_api_answers_with_personal_data_are_not_stored(client_for, team_member):
    person = PersonFactory()
    contact = InteractionFactory()
    delegation = DelegationFactory()
    client = client_for(team_member)
    urls = [
        "/dashboard/",
        reverse("relations:person-list"),
        reverse("relations:person-detail", args=[person.pk]),
        reverse("relations:interaction-list"),
        reverse("relations:interaction-detail", args=[contact.pk]),
        reverse("relations:person-personal-data", args=[person.pk]),
        reverse("delegations:delegation-list"),
        reverse("delegations:delegation-detail", args=[delegation.pk]),
        reverse("integrity:register"),
        reverse("delegations:travel-register"),
        f"/api/v1/people/{person.pk}/",
        "/api/v1/people/",
        "/api/v1/contact-moments/",
        f"/api/v1/delegations/{delegation.pk}/",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert uncacheable(response), (url, response.get("Cache-Control"))


def test_feeds_keep_their_caching_and_their_304(client_for, team_member):
    client = client_for(team_member)
    feed = create_feed_token(user=team_member, name="Outlook")
    url = reverse("agenda:personal-feed", args=[feed.token])
    first = client.get(url)
    assert first["Cache-Control"] == "private, max-age=300"
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


def test_the_public_portal_stays_cacheable(client):
    assert not uncacheable(client.get("/"))


def test_api_answers_to_token_callers_are_not_stored(api_client_for, team_member):
    """API clients authenticate per request (token), not with the session: the same rule."""
    person = PersonFactory()
    client = api_client_for(team_member)
    for url in ("/api/v1/people/", f"/api/v1/people/{person.pk}/", "/api/v1/contact-moments/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert uncacheable(response), (url, response.get("Cache-Control"))
