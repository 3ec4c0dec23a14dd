"""Anonymous visitors get the portal's pages from the cache, each with a CSRF token of its own;
a committed change shows at once; a signed-in user, or a visitor with a message waiting, never
gets a cached page nor leaves one behind."""

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from kennisstad.agenda.tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 60


def test_a_second_visitor_gets_the_cached_page_with_a_token_of_its_own(
    django_assert_max_num_queries,
):
    first = Client().get(reverse("portal:home"))
    assert first.templates  # rendered
    with django_assert_max_num_queries(1):  # the pages' generation, nothing else
        second = Client().get(reverse("portal:home"))
    assert not second.templates  # from the cache
    first_html, second_html = first.content.decode(), second.content.decode()
    assert TOKEN.sub("", first_html) == TOKEN.sub("", second_html)
    tokens = {TOKEN.search(first_html).group(1), TOKEN.search(second_html).group(1)}
    assert len(tokens) == 2 and all(len(token) == 64 for token in tokens)
    assert "csrftoken" in second.cookies
    assert "Cookie" in second["Vary"]


def test_the_cached_token_is_accepted_by_the_language_form():
    visitor = Client(enforce_csrf_checks=True)
    Client().get(reverse("portal:home"))
    page = visitor.get(reverse("portal:home"))
    assert not page.templates
    token = TOKEN.search(page.content.decode()).group(1)
    answer = visitor.post(
        reverse("set_language"), {"language": "en", "next": "/", "csrfmiddlewaretoken": token}
    )
    assert answer.status_code == 302


def test_a_committed_change_shows_at_once(client):
    assert "Nieuwe open dag" not in client.get(reverse("portal:calendar")).content.decode()
    soon = timezone.now() + datetime.timedelta(days=3)
    ActivityFactory(
        title_nl="Nieuwe open dag",
        visibility="public",
        starts_at=soon,
        ends_at=soon + datetime.timedelta(hours=2),
    )
    assert "Nieuwe open dag" in client.get(reverse("portal:calendar")).content.decode()


def test_each_language_has_its_own_page():
    Client().get(reverse("portal:home"))
    english = Client().get(reverse("portal:home"), {"lang": "en"})
    assert english.templates
    assert '<html lang="en"' in english.content.decode()


def test_a_signed_in_user_never_gets_nor_leaves_a_cached_page(client_for, team_member):
    logout = reverse("accounts:logout")
    Client().get(reverse("portal:home"))
    signed_in = client_for(team_member).get(reverse("portal:home"))
    assert signed_in.templates and logout in signed_in.content.decode()
    assert logout not in Client().get(reverse("portal:home")).content.decode()


def test_a_visitor_with_a_message_or_a_session_gets_the_page_rendered():
    Client().get(reverse("portal:home"))
    for cookie in ("messages", "sessionid"):
        visitor = Client()
        visitor.cookies[cookie] = "something"
        assert visitor.get(reverse("portal:home")).templates


@pytest.mark.parametrize(
    "query",
    [{"theme": "energie"}, {"country": "NLxyz"}, {"page": "1" * 9}, {"lang": "xx"}, {"q": "a"}],
)
def test_an_address_a_visitor_chose_freely_is_rendered_not_kept(query):
    """Filters and junk come from the visitor: caching each would let a loop of random values
    fill the cache. Those pages are rendered every time; the plain ones come from the cache."""
    url = reverse("portal:projects")
    Client().get(url, query)
    assert Client().get(url, query).templates  # rendered again
    Client().get(url, {"page": "1"})
    assert not Client().get(url, {"page": "1"}).templates
