"""Calendar feeds for Outlook and Google: the public one holds only public activities, a
token feed what its holder may see; revoked tokens answer 404; a conditional GET gets 304."""

import datetime
import zoneinfo

import pytest
from django.urls import reverse
from icalendar import Calendar

from kennisstad.agenda.models import FeedToken
from kennisstad.agenda.services import create_feed_token, revoke_feed_token, save_activity
from kennisstad.agenda.tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db
SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")


@pytest.fixture
def calendar(partner_organisation):
    return {
        "public": ActivityFactory(title_nl="Open dag", visibility="public"),
        "partners": ActivityFactory(title_nl="Partneroverleg", visibility="partners"),
        "internal": ActivityFactory(title_nl="Intern beraad", visibility="internal"),
        "cancelled": ActivityFactory(
            title_nl="Afgelaste receptie", visibility="public", status="cancelled"
        ),
        "abroad": ActivityFactory(
            title_nl="Expo Shanghai",
            visibility="public",
            all_day=True,
            timezone="Asia/Shanghai",
            starts_at=datetime.datetime(2027, 6, 1, tzinfo=SHANGHAI),
            ends_at=datetime.datetime(2027, 6, 3, tzinfo=SHANGHAI),
        ),
    }


def events(response) -> dict:
    assert response["Content-Type"].startswith("text/calendar")
    parsed = Calendar.from_ical(response.content)
    return {str(event["SUMMARY"]): event for event in parsed.walk("VEVENT")}


def test_the_public_feed_holds_public_activities_only(client, calendar):
    found = events(client.get(reverse("agenda:public-feed")))
    assert set(found) == {"Open dag", "Afgelaste receptie", "Expo Shanghai"}
    assert str(found["Afgelaste receptie"]["STATUS"]) == "CANCELLED"  # kept, so clients remove it
    expo = found["Expo Shanghai"]
    assert expo["DTSTART"].dt == datetime.date(2027, 6, 1)
    assert expo["DTEND"].dt == datetime.date(2027, 6, 3)  # exclusive end for an all-day event
    open_day = found["Open dag"]
    assert str(open_day["UID"]) == calendar["public"].uid
    assert open_day["DTSTART"].dt.tzinfo is not None


def test_the_feed_says_how_often_to_refresh_and_describes_its_time_zones(client, calendar):
    text = client.get(reverse("agenda:public-feed")).content.decode()
    assert "REFRESH-INTERVAL;VALUE=DURATION:PT1H" in text and "X-PUBLISHED-TTL:PT1H" in text
    assert "BEGIN:VTIMEZONE" in text and "TZID:Europe/Amsterdam" in text


def test_a_partner_token_feed_holds_public_and_partner_items(
    client, calendar, partner_editor, team_member
):
    feed = create_feed_token(user=partner_editor, name="Outlook")
    found = events(client.get(reverse("agenda:personal-feed", args=[feed.token])))
    assert "Partneroverleg" in found and "Open dag" in found
    assert "Intern beraad" not in found
    team_feed = create_feed_token(user=team_member, name="Outlook")
    assert "Intern beraad" in events(
        client.get(reverse("agenda:personal-feed", args=[team_feed.token]))
    )


def test_a_revoked_or_unknown_token_gets_404(client, calendar, partner_editor):
    feed = create_feed_token(user=partner_editor, name="Outlook")
    url = reverse("agenda:personal-feed", args=[feed.token])
    assert client.get(url).status_code == 200
    revoke_feed_token(feed=feed, user=partner_editor)
    assert client.get(url).status_code == 404
    assert client.get(reverse("agenda:personal-feed", args=["not-a-token"])).status_code == 404


def test_a_conditional_get_gets_304_until_something_changes(client, calendar, team_member):
    url = reverse("agenda:public-feed")
    first = client.get(url)
    etag = first["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    activity = calendar["public"]
    activity.title_nl = "Open dag Zernike"
    save_activity(activity=activity, user=team_member, expected_version=activity.version)
    changed = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    updated = events(changed)["Open dag Zernike"]
    assert int(updated["SEQUENCE"]) == 1  # raised on every change


def test_filters_in_the_address(client, calendar):
    calendar["public"].kind = "trade_fair"
    calendar["public"].save()
    found = events(client.get(reverse("agenda:public-feed"), {"kind": "trade_fair"}))
    assert set(found) == {"Open dag"}


def test_team_members_manage_their_addresses(client_for, team_member):
    web = client_for(team_member)
    assert web.post(reverse("agenda:feeds"), {"name": "Outlook werk"}).status_code == 302
    feed = FeedToken.objects.get(user=team_member)
    page = web.get(reverse("agenda:feeds")).content.decode()
    assert feed.token in page
    web.post(reverse("agenda:feeds"), {"revoke": feed.pk})
    feed.refresh_from_db()
    assert feed.revoked_at is not None


def test_mozillas_ical_js_reads_the_public_feed_and_finds_no_hidden_activity(
    client, calendar, tmp_path
):
    import json
    import shutil
    import subprocess
    from pathlib import Path

    root = Path(__file__).resolve().parents[4]
    node = shutil.which("node")
    if node is None or not (root / "node_modules" / "ical.js").exists():
        pytest.skip("node and the ical.js package (npm ci) are needed")
    feed = tmp_path / "public.ics"
    feed.write_bytes(client.get(reverse("agenda:public-feed")).content)
    result = subprocess.run(
        [node, str(root / "tools" / "parse-ics.mjs"), str(feed)],
        capture_output=True,
        text=True,
        cwd=root,
        check=True,
    )
    parsed = json.loads(result.stdout)
    summaries = {event["summary"] for event in parsed["events"]}
    assert summaries == {"Open dag", "Afgelaste receptie", "Expo Shanghai"}
    assert "Intern beraad" not in summaries and "Partneroverleg" not in summaries
    expo = next(event for event in parsed["events"] if event["summary"] == "Expo Shanghai")
    assert expo["allDay"] is True and expo["start"] == "2027-06-01"
    assert "Europe/Amsterdam" in parsed["zones"]


def test_text_is_escaped_and_long_lines_folded(client):
    title = (
        "Missie: Shanghai, Beijing; Xi'an – " + "handelsdelegatie Groningen–Noord-Nederland " * 3
    )
    description = "Programma:\n1. ontvangst, lunch; diner\n2. back\\slash"
    ActivityFactory(title_nl=title, description_nl=description, visibility="public")
    text = client.get(reverse("agenda:public-feed")).content
    assert all(len(line) <= 75 for line in text.split(b"\r\n"))
    event = next(iter(events(client.get(reverse("agenda:public-feed"))).values()))
    assert str(event["SUMMARY"]) == title
    assert str(event["DESCRIPTION"]) == description


def test_each_language_and_each_change_gets_its_own_event_text(client, team_member):
    """Events are cached one by one; a cached Dutch text must never answer an English feed,
    nor an old text a changed event."""
    activity = ActivityFactory(title_nl="Kennisdag", title_en="Knowledge day", visibility="public")
    url = reverse("agenda:public-feed")
    assert "Kennisdag" in events(client.get(url))
    assert "Knowledge day" in events(client.get(url, {"lang": "en"}))
    activity.title_en = "Knowledge Day Groningen"
    save_activity(activity=activity, user=team_member, expected_version=activity.version)
    assert "Knowledge Day Groningen" in events(client.get(url, {"lang": "en"}))
    assert "Kennisdag" in events(client.get(url))
