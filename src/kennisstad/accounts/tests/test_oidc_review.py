"""What a security review of the OpenID Connect sign-in found, each pinned by a test: two first
sign-ins at once, a local password on an account the identity provider made, a link that logged
people out, and a broken provider key that crashed the callback (fast; no provider)."""

import time
from unittest import mock

import jwt
import pytest
from django.contrib.auth import authenticate
from django.db.models.query import QuerySet
from django.urls import reverse

from kennisstad.accounts import oidc_discovery, services
from kennisstad.accounts.models import Role, User
from kennisstad.accounts.oidc import REFUSAL_SESSION_KEY, OIDCBackend
from kennisstad.accounts.oidc_claims import identity_from

from .oidc_helpers import ISSUER, KEY, switch_on


@pytest.fixture
def oidc_on(settings, monkeypatch):
    switch_on(settings, monkeypatch)
    settings.OIDC_USE_USERINFO = False
    settings.OIDC_GROUP_ROLES = {"team": "team"}
    settings.AUTHENTICATION_BACKENDS = [
        *settings.AUTHENTICATION_BACKENDS,
        "kennisstad.accounts.oidc.OIDCBackend",
    ]
    return settings


def team_identity(subject="s"):
    return identity_from(
        {"sub": subject, "groups": ["team"], "email": "a@groningen.example"},
        issuer=ISSUER,
        groups_claim="groups",
        group_roles={"team": "team"},
        group_organisations={},
    )


# --- two first sign-ins at once -------------------------------------------------------------


@pytest.mark.django_db
def test_a_parallel_first_sign_in_finds_the_account_the_other_one_made():
    """Two tabs (or a double click) sign in for the first time at once: both look, neither
    finds the account, both make it; the second must use the first's, not fail on the unique
    username (a 500 at the callback)."""
    first = services.sign_in_with_oidc(identity=team_identity())
    real_first = QuerySet.first
    calls = []

    def first_misses_once(queryset):
        # The moment of the race: the other sign-in has not committed when this one looks.
        if queryset.model is User and not calls:
            calls.append(1)
            return None
        return real_first(queryset)

    with mock.patch.object(QuerySet, "first", first_misses_once):
        second = services.sign_in_with_oidc(identity=team_identity())
    assert calls == [1]
    assert second.pk == first.pk
    assert User.objects.count() == 1


# --- no local password on an identity-provider account --------------------------------------


@pytest.mark.django_db
def test_an_identity_provider_account_never_signs_in_with_a_local_password(rf):
    """A password set on such an account (admin site, shell) would skip the provider: its
    second factor and its say over who still works here."""
    user = services.sign_in_with_oidc(identity=team_identity())
    user.set_password("a-long-local-password")
    user.save()
    request = rf.post(reverse("accounts:login"))
    assert authenticate(request, username=user.username, password="a-long-local-password") is None


@pytest.mark.django_db
def test_signing_in_through_the_provider_removes_a_local_password():
    user = services.sign_in_with_oidc(identity=team_identity())
    user.set_password("a-long-local-password")
    user.save()
    again = services.sign_in_with_oidc(identity=team_identity())
    again.refresh_from_db()
    assert not again.has_usable_password()


@pytest.mark.django_db
def test_a_local_account_still_signs_in_with_its_password(rf, team_member):
    request = rf.post(reverse("accounts:login"))
    assert authenticate(request, username="team-user", password="secret-password") == team_member


# --- the callback is no logout link ---------------------------------------------------------


@pytest.mark.django_db
def test_a_forged_error_answer_does_not_log_out_whoever_follows_the_link(client, oidc_on):
    """``/accounts/oidc/callback/?error=x`` on any web page or in any mail logged out everyone
    who opened it (a GET that ends the session: logout CSRF). Only an answer to a sign-in this
    browser started may."""
    user = User.objects.create_user("lokaal", password="secret-password", role=Role.TEAM_MEMBER)
    client.force_login(user)
    answer = client.get(reverse("accounts:oidc-callback") + "?error=access_denied&state=forged")
    assert answer.status_code == 302
    assert client.session.get("_auth_user_id") == str(user.pk)


@pytest.mark.django_db
def test_a_cancelled_sign_in_this_browser_started_is_still_reported(client, oidc_on):
    session = client.session
    session["oidc_states"] = {"mine": {"nonce": "n", "code_verifier": None, "added_on": 0}}
    session.save()
    answer = client.get(reverse("accounts:oidc-callback") + "?error=access_denied&state=mine")
    assert answer.status_code == 302
    assert "mine" not in client.session.get("oidc_states", {})


# --- a broken key at the provider is a refusal, not a crash ---------------------------------


@pytest.mark.django_db
def test_an_unusable_provider_key_refuses_the_sign_in_instead_of_crashing(oidc_on, rf, monkeypatch):
    broken = {"kty": "RSA", "kid": "k1", "alg": "RS256", "use": "sig", "n": "AQAB"}  # no "e"
    monkeypatch.setattr(oidc_discovery, "signing_keys", lambda refresh=False: [broken])
    now = int(time.time())
    claims = {"iss": ISSUER, "sub": "s", "aud": "kennisstad", "iat": now, "exp": now + 300}
    id_token = jwt.encode({**claims, "nonce": "n"}, KEY, algorithm="RS256", headers={"kid": "k1"})
    request = rf.get("/accounts/oidc/callback/?code=c&state=s")
    request.session = {}
    backend = OIDCBackend()
    monkeypatch.setattr(
        backend, "get_token", lambda payload: {"id_token": id_token, "access_token": "a"}
    )
    assert backend.authenticate(request, nonce="n", code_verifier=None) is None
    assert request.session[REFUSAL_SESSION_KEY] == "signature"


# --- the provider down: no worker waits for it on every click -------------------------------


class FakeResponse:
    def __init__(self, document):
        self.document = document

    def raise_for_status(self):
        pass

    def json(self):
        return self.document


def test_a_provider_that_does_not_answer_is_not_asked_again_at_every_click(oidc_on, monkeypatch):
    """Each attempt waited OIDC_TIMEOUT seconds in a server worker: a few clicks a second on
    "Log in with ..." (or anyone's script) held every worker while the provider was down."""
    attempts = []

    def unreachable(url, timeout):
        attempts.append(url)
        raise oidc_discovery.requests.ConnectTimeout("no answer")

    monkeypatch.setattr(oidc_discovery.requests, "get", unreachable)
    oidc_discovery.forget()
    for _ in range(3):
        with pytest.raises(oidc_discovery.requests.ConnectTimeout):
            oidc_discovery.endpoint("OIDC_OP_AUTHORIZATION_ENDPOINT")
    assert len(attempts) == 1
    oidc_discovery.forget()


def test_an_expired_copy_still_serves_while_the_provider_does_not_answer(oidc_on, monkeypatch):
    document = {"issuer": ISSUER, "authorization_endpoint": f"{ISSUER}/auth"}
    monkeypatch.setattr(oidc_discovery.requests, "get", lambda url, timeout: FakeResponse(document))
    oidc_discovery.forget()
    assert oidc_discovery.endpoint("OIDC_OP_AUTHORIZATION_ENDPOINT") == f"{ISSUER}/auth"

    def unreachable(url, timeout):
        raise oidc_discovery.requests.ConnectionError("refused")

    oidc_on.OIDC_DISCOVERY_TTL = 0
    monkeypatch.setattr(oidc_discovery.requests, "get", unreachable)
    assert oidc_discovery.endpoint("OIDC_OP_AUTHORIZATION_ENDPOINT") == f"{ISSUER}/auth"
    oidc_discovery.forget()


# --- next: only an address of this site -----------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "next_url, kept",
    [
        ("/dashboard/", "/dashboard/"),
        ("https://evil.example/", None),
        ("//evil.example/", None),
        ("/\\evil.example/", None),
        ("javascript:alert(1)", None),
    ],
)
def test_the_sign_in_keeps_only_a_next_address_on_this_site(
    client, oidc_on, monkeypatch, next_url, kept
):
    monkeypatch.setattr(oidc_discovery, "endpoint", lambda setting: f"{ISSUER}/auth")
    answer = client.get(reverse("accounts:oidc-sign-in"), {"next": next_url})
    assert answer.status_code == 302 and answer["Location"].startswith(f"{ISSUER}/auth?")
    assert client.session["oidc_login_next"] == kept


# --- the race for real: two threads, two connections (PostgreSQL in make test-production) ----


@pytest.mark.production
@pytest.mark.django_db(transaction=True)
def test_two_first_sign_ins_at_the_same_moment_make_one_account():
    import threading

    from django.db import connection

    barrier = threading.Barrier(2, timeout=20)
    real_first = QuerySet.first
    looked = threading.local()
    results, errors = [], []

    def first_then_wait(queryset):
        found = real_first(queryset)
        if queryset.model is User and not getattr(looked, "done", False):
            looked.done = True
            barrier.wait()  # both have looked and found nothing before either inserts
        return found

    def sign_in():
        try:
            results.append(services.sign_in_with_oidc(identity=team_identity("race")).pk)
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    with mock.patch.object(QuerySet, "first", first_then_wait):
        threads = [threading.Thread(target=sign_in) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
    assert errors == []
    assert len(results) == 2 and results[0] == results[1]
    assert User.objects.filter(username=team_identity("race").username).count() == 1


# --- claims and settings that crashed or read wrong -----------------------------------------


def test_odd_claims_are_read_safely_not_crash_the_callback():
    from kennisstad.accounts.oidc_claims import groups_of

    assert groups_of({"groups": ["team"], "_claim_names": "groups-elsewhere"}, "groups") == ["team"]
    assert groups_of({"groups": ["team"], "_claim_names": 7}, "groups") == ["team"]
    assert groups_of({"groups": [True, "team", {"name": "beheer"}]}, "groups") == ["team"]


def test_an_id_token_algorithm_of_none_or_a_typo_stops_the_start():
    from django.core.exceptions import ImproperlyConfigured

    from kennisstad.conf.oidc import check_sign_algo

    assert check_sign_algo("OIDC_SIGN_ALGO", "ES256") == "ES256"
    for wrong in ("none", "rs256", "RS255", ""):
        with pytest.raises(ImproperlyConfigured):
            check_sign_algo("OIDC_SIGN_ALGO", wrong)
