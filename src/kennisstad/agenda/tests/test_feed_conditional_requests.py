"""Calendar clients poll the feeds with conditional requests (RFC 9110): weak tags, lists of
tags and ``*`` in If-None-Match, If-Modified-Since against Last-Modified, and HEAD all work, on
the public feed and on personal feeds alike."""

import pytest
from django.urls import reverse
from django.utils.http import http_date

from kennisstad.agenda.services import create_feed_token, save_activity
from kennisstad.agenda.tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def activity():
    return ActivityFactory(title_nl="Open dag", visibility="public")


@pytest.fixture(params=["public", "personal"])
def url(request, activity):
    if request.param == "public":
        return reverse("agenda:public-feed")
    feed = create_feed_token(user=request.getfixturevalue("team_member"), name="Outlook")
    return reverse("agenda:personal-feed", args=[feed.token])


def test_a_weak_tag_of_the_current_feed_gets_304(client, url):
    etag = client.get(url)["ETag"]
    response = client.get(url, HTTP_IF_NONE_MATCH=f"W/{etag}")
    assert response.status_code == 304
    assert response["ETag"] == etag


def test_a_list_of_tags_holding_the_current_one_gets_304(client, url):
    etag = client.get(url)["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH=f'"old", {etag}').status_code == 304
    assert client.get(url, HTTP_IF_NONE_MATCH='"old", "older"').status_code == 200


def test_a_star_gets_304(client, url):
    assert client.get(url, HTTP_IF_NONE_MATCH="*").status_code == 304


def test_if_modified_since_gets_304_until_something_changes(client, url, activity, team_member):
    first = client.get(url)
    last_modified = first["Last-Modified"]
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=http_date(0)).status_code == 200
    activity.title_nl = "Open dag Zernike"
    save_activity(activity=activity, user=team_member, expected_version=activity.version)
    activity.refresh_from_db()
    later = http_date(activity.updated_at.timestamp() - 1)
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=later).status_code == 200


def test_head_answers_the_headers_of_get_without_a_body(client, url):
    get = client.get(url)
    head = client.head(url)
    assert head.status_code == 200
    assert head.content == b""
    assert head["ETag"] == get["ETag"]
    assert head["Content-Type"] == get["Content-Type"]
    assert head["Content-Length"] == str(len(get.content))
    assert client.head(url, HTTP_IF_NONE_MATCH=get["ETag"]).status_code == 304
