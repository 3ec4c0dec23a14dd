"""Sessions end after the municipality's idle time and maximum age; passwords are changed by the
user (with Django's validators) or reset by mail, which never says whether an address exists."""

import re
import time

import pytest
from django.core import mail
from django.urls import reverse

from kennisstad.accounts.middleware import LAST_SEEN, SIGNED_IN_AT

from .mfa_helpers import PASSWORD, sign_in_with_password

pytestmark = [pytest.mark.django_db, pytest.mark.real_sign_in]

HOME = reverse("workspace:home")


def _shift(client, **seconds_ago):
    session = client.session
    now = int(time.time())
    for key, ago in seconds_ago.items():
        session[key] = now - ago
    session.save()


def test_the_session_ends_after_the_idle_time(client, team_member, settings):
    settings.KENNISSTAD_SESSION_IDLE_MINUTES = 30
    sign_in_with_password(client, team_member)
    _shift(client, **{LAST_SEEN: 29 * 60})
    assert client.get(HOME).status_code == 200
    _shift(client, **{LAST_SEEN: 31 * 60})
    response = client.get(HOME)
    assert response.status_code == 302 and reverse("accounts:login") in response.url


def test_activity_is_written_at_most_once_a_minute(client, team_member):
    sign_in_with_password(client, team_member)
    _shift(client, **{LAST_SEEN: 10})
    before = client.session[LAST_SEEN]
    client.get(HOME)
    assert client.session[LAST_SEEN] == before  # not every request writes the session
    _shift(client, **{LAST_SEEN: 61})
    client.get(HOME)
    assert client.session[LAST_SEEN] >= int(time.time()) - 2


def test_the_session_ends_at_the_maximum_age_however_active(client, team_member, settings):
    settings.KENNISSTAD_SESSION_MAX_HOURS = 8
    sign_in_with_password(client, team_member)
    _shift(client, **{SIGNED_IN_AT: 8 * 3600 - 60, LAST_SEEN: 5})
    assert client.get(HOME).status_code == 200
    _shift(client, **{SIGNED_IN_AT: 8 * 3600 + 60, LAST_SEEN: 5})
    assert client.get(HOME).status_code == 302
    assert settings.SESSION_COOKIE_AGE == 10 * 3600  # the default maximum, for the cookie too


def test_anonymous_requests_write_no_session(client):
    response = client.get(reverse("portal:home"))
    assert response.status_code == 200
    assert "sessionid" not in response.cookies


def test_changing_the_password_applies_the_validators(client, team_member):
    sign_in_with_password(client, team_member)
    url = reverse("accounts:password-change")
    weak = client.post(
        url, {"old_password": PASSWORD, "new_password1": "12345678", "new_password2": "12345678"}
    )
    assert weak.status_code == 200
    assert weak.context["form"].errors["new_password2"]
    new = "Zeven-kikkers-in-de-Noorderhaven"
    done = client.post(url, {"old_password": PASSWORD, "new_password1": new, "new_password2": new})
    assert done.status_code == 302 and done.url == reverse("accounts:profile")
    team_member.refresh_from_db()
    assert team_member.check_password(new)
    assert client.get(HOME).status_code == 200  # this session stays signed in


def test_reset_by_mail_never_says_whether_the_address_exists(client, team_member, settings):
    settings.SITE_URL = "https://kennisstad.example.nl"
    url = reverse("accounts:password-reset")
    known = client.post(url, {"email": team_member.email})
    unknown = client.post(url, {"email": "niemand@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known.url == unknown.url == reverse("accounts:password-reset-done")
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [team_member.email]
    body = mail.outbox[0].body
    link = re.search(r"https://kennisstad\.example\.nl(/accounts/password/reset/\S+/)", body)[1]

    form = client.get(link, follow=True)
    assert form.status_code == 200 and form.context["validlink"]
    new = "Zeven-kikkers-in-de-Noorderhaven"
    done = client.post(form.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})
    assert done.url == reverse("accounts:password-reset-complete")
    team_member.refresh_from_db()
    assert team_member.check_password(new)
    again = client.get(link, follow=True)
    assert not again.context["validlink"]  # a link works once
