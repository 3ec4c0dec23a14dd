"""Signing in with a real OpenID provider (the npm package oidc-provider, started here on a free
port by oidc_provider.mjs) against Kennisstad on a live server: the whole authorization code
flow over HTTP, as a browser goes through it. Needs node and `npm ci` (make setup); runs in
`make test-production` (.ci/run), and on SQLite too."""

import html
import json
import logging
import os
import shutil
import subprocess
import urllib.request
from pathlib import Path

import pytest
import requests
from django.contrib.sessions.backends.db import SessionStore
from django.urls import reverse
from django.utils import translation
from rest_framework.authtoken.models import Token

from kennisstad.accounts import oidc_discovery
from kennisstad.accounts.models import Role, User
from kennisstad.accounts.oidc_claims import username_for
from kennisstad.accounts.oidc_views import refusal_message
from kennisstad.relations.tests.factories import OrganisationFactory

pytestmark = [pytest.mark.production, pytest.mark.django_db(transaction=True)]

SCRIPT = Path(__file__).with_name("oidc_provider.mjs")
CLIENT_ID, CLIENT_SECRET = "kennisstad", "test-client-secret"
GROUP_ROLES = {
    "kennisstad-beheer": "administrator",
    "kennisstad-team": "team",
    "kennisstad-raad": "reader",
    "partners-iwcn": "partner",
}
USERS = {
    "alice": {
        "email": "alice@groningen.example",
        "given_name": "Alice",
        "family_name": "de Vries",
        "groups": ["alle-medewerkers", "kennisstad-team", "kennisstad-beheer"],
    },
    "bob": {"email": "bob@iwcn.example", "name": "Bob Bakker", "groups": ["partners-iwcn"]},
    "carol": {"email": "carol@groningen.example", "groups": ["alle-medewerkers"]},
}


class Provider:
    def __init__(self, issuer: str, process: subprocess.Popen) -> None:
        self.issuer, self.process = issuer, process

    def set_user(self, login: str, **claims) -> None:
        request = urllib.request.Request(
            f"{self.issuer}/__test__/users/{login}", data=json.dumps(claims).encode(), method="PUT"
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.status == 204


@pytest.fixture(scope="module")
def provider(live_server):
    node = shutil.which("node")
    assert node, "node is needed for the OpenID provider (make setup installs oidc-provider)"
    config = {
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
        "redirect_uris": [live_server.url + "/accounts/oidc/callback/"],
        "post_logout_redirect_uris": [live_server.url + "/"],
        "users": USERS,
    }
    process = subprocess.Popen(
        [node, str(SCRIPT)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "OIDC_TEST_CONFIG": json.dumps(config)},
    )
    line = process.stdout.readline()
    assert line, "the OpenID provider did not start"
    yield Provider(json.loads(line)["issuer"], process)
    process.stdin.close()
    process.wait(timeout=10)


@pytest.fixture
def oidc(settings, provider):
    """OpenID Connect switched on against the test provider, users reset to USERS."""
    settings.OIDC_ISSUER = provider.issuer
    settings.OIDC_ENABLED = True
    settings.OIDC_RP_CLIENT_ID = CLIENT_ID
    settings.OIDC_RP_CLIENT_SECRET = CLIENT_SECRET
    settings.OIDC_RP_SCOPES = "openid email profile groups"
    settings.OIDC_GROUP_ROLES = GROUP_ROLES
    settings.OIDC_GROUP_ORGANISATIONS = {"partners-iwcn": "Internationaal Welkomstcentrum Noord"}
    settings.AUTHENTICATION_BACKENDS = [
        *settings.AUTHENTICATION_BACKENDS,
        "kennisstad.accounts.oidc.OIDCBackend",
    ]
    oidc_discovery.forget()
    for login, claims in USERS.items():
        provider.set_user(login, **claims)
    yield provider
    oidc_discovery.forget()


def sign_in(live_server, provider: Provider, login: str):
    """The browser's way: the login page's button, the provider's login form, back to us."""
    browser = requests.Session()
    page = browser.get(f"{live_server.url}{reverse('accounts:login')}?next=/dashboard/")
    start = f"{live_server.url}{reverse('accounts:oidc-sign-in')}?next=%2Fdashboard%2F"
    assert f'href="{start[len(live_server.url) :]}"' in page.text
    form = browser.get(start, timeout=10)
    assert form.url.startswith(f"{provider.issuer}/interaction/"), form.url
    answer = browser.post(form.url, data={"login": login}, timeout=10)
    return browser, answer


def session_of(browser: requests.Session) -> SessionStore:
    return SessionStore(browser.cookies["sessionid"])


def refusals(caplog) -> list[str]:
    return [
        record.event_fields["reason"]
        for record in caplog.records
        if getattr(record, "event", "") == "auth.oidc.refused"
    ]


def shown_message(reason: str) -> str:
    with translation.override("nl"):
        return html.escape(refusal_message(reason))


def test_sign_in_creates_the_account_with_the_mapped_role(live_server, oidc):
    browser, answer = sign_in(live_server, oidc, "alice")
    assert answer.status_code == 200
    assert answer.url == f"{live_server.url}/dashboard/"
    user = User.objects.get(username=username_for(oidc.issuer, "alice"))
    assert (user.first_name, user.last_name, user.email) == (
        "Alice",
        "de Vries",
        "alice@groningen.example",
    )
    assert user.role == Role.ADMINISTRATOR  # the most powerful of her groups
    assert user.is_staff and not user.has_usable_password()
    assert session_of(browser)["kennisstad_sso"] is True


def test_signing_in_gives_the_browser_a_new_session(live_server, oidc):
    """No session fixation: the session that carried the sign-in's state (a key someone could
    have planted in this browser) is not the one that is signed in."""
    browser = requests.Session()
    form = browser.get(f"{live_server.url}{reverse('accounts:oidc-sign-in')}", timeout=10)
    before = browser.cookies["sessionid"]
    answer = browser.post(form.url, data={"login": "alice"}, timeout=10)
    assert answer.status_code == 200
    assert "_auth_user_id" in session_of(browser)
    assert browser.cookies["sessionid"] != before
    assert not SessionStore().exists(before)


def test_a_partner_gets_the_organisation_of_the_group(live_server, oidc):
    iwcn = OrganisationFactory(name="Internationaal Welkomstcentrum Noord")
    _browser, answer = sign_in(live_server, oidc, "bob")
    assert answer.url == f"{live_server.url}/dashboard/"
    user = User.objects.get(username=username_for(oidc.issuer, "bob"))
    assert (user.role, user.organisation) == (Role.PARTNER_EDITOR, iwcn)
    assert user.last_name == "Bob Bakker"


def test_signing_in_again_updates_the_account_and_a_removed_group_removes_the_role(
    live_server, oidc
):
    sign_in(live_server, oidc, "alice")
    first = User.objects.get(username=username_for(oidc.issuer, "alice"))
    oidc.set_user(
        "alice",
        email="alice.mulder@groningen.example",
        given_name="Alice",
        family_name="Mulder",
        groups=["kennisstad-raad"],
    )
    _browser, answer = sign_in(live_server, oidc, "alice")
    assert answer.url == f"{live_server.url}/dashboard/"
    again = User.objects.get(pk=first.pk)
    assert (again.role, again.is_staff, again.last_name, again.email) == (
        Role.READER,
        False,
        "Mulder",
        "alice.mulder@groningen.example",
    )
    assert User.objects.filter(email__startswith="alice").count() == 1

    Token.objects.create(user=again)
    oidc.set_user("alice", email="alice.mulder@groningen.example", groups=[])
    _browser, answer = sign_in(live_server, oidc, "alice")
    assert answer.url.startswith(f"{live_server.url}/accounts/login/")
    assert shown_message("no_role") in answer.text
    withdrawn = User.objects.get(pk=first.pk)
    assert not withdrawn.is_active  # no role left: no access left, the API token included
    assert not Token.objects.filter(user=withdrawn).exists()


def test_someone_in_no_mapped_group_is_refused_and_gets_no_account(live_server, oidc, caplog):
    with caplog.at_level(logging.INFO, logger="kennisstad.events"):
        browser, answer = sign_in(live_server, oidc, "carol")
    assert answer.url.startswith(f"{live_server.url}/accounts/login/")
    assert shown_message("no_role") in answer.text
    assert not User.objects.filter(username=username_for(oidc.issuer, "carol")).exists()
    assert not User.objects.filter(email="carol@groningen.example").exists()
    assert "_auth_user_id" not in session_of(browser)
    assert refusals(caplog) == ["no_role"]


@pytest.mark.parametrize("tamper", ["audience", "expired", "issuer", "signature", "nonce"])
def test_an_id_token_that_cannot_be_trusted_is_refused(live_server, oidc, caplog, tamper):
    """The provider signs (with its own key, except for "signature") an ID token for another
    client, an expired one, one of another issuer, or one with another nonce."""
    oidc.set_user("dave", email="dave@groningen.example", groups=["kennisstad-team"], tamper=tamper)
    with caplog.at_level(logging.INFO, logger="kennisstad.events"):
        browser, answer = sign_in(live_server, oidc, "dave")
    assert answer.url.startswith(f"{live_server.url}/accounts/login/")
    assert shown_message(tamper) in answer.text
    assert not User.objects.filter(email="dave@groningen.example").exists()
    assert "_auth_user_id" not in session_of(browser)
    assert refusals(caplog) == [tamper]


def test_logging_out_ends_the_session_at_the_provider_too(live_server, oidc):
    browser, _answer = sign_in(live_server, oidc, "alice")
    session = session_of(browser)
    id_token = session["oidc_id_token"]
    browser.get(f"{live_server.url}/accounts/profile/")  # a page with a form: the CSRF cookie
    answer = browser.post(
        f"{live_server.url}{reverse('accounts:logout')}",
        data={"csrfmiddlewaretoken": browser.cookies["csrftoken"]},
        allow_redirects=False,
    )
    assert answer.status_code == 302
    location = answer.headers["Location"]
    assert location.startswith(f"{oidc.issuer}/session/end?")
    assert f"id_token_hint={id_token}" in location
    assert not SessionStore().exists(session.session_key)
