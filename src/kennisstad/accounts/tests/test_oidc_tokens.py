"""The ID-token checks the backend adds to mozilla-django-oidc's, the discovery cache and the
login page, with a key made here (fast; the real provider is in test_oidc_end_to_end.py)."""

import time

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from django.utils import translation

from kennisstad.accounts import oidc_discovery
from kennisstad.accounts.oidc import (
    SSO_SESSION_KEY,
    OIDCBackend,
    is_identity_provider_attempt,
    refusal_reason,
)
from kennisstad.accounts.oidc_claims import SignInRefused
from kennisstad.accounts.oidc_views import provider_name

from .oidc_helpers import ISSUER, KEY, switch_on

OTHER_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture
def oidc_on(settings, monkeypatch):
    return switch_on(settings, monkeypatch)


def token(key=KEY, kid="k1", **changes):
    now = int(time.time())
    claims = {"iss": ISSUER, "sub": "s", "aud": "kennisstad", "iat": now, "exp": now + 300}
    claims.update({"nonce": "n", **changes})
    claims = {name: value for name, value in claims.items() if value is not None}
    return jwt.encode(claims, key, algorithm="RS256", headers={"kid": kid})


def refusal_of(raw, nonce="n") -> str:
    try:
        OIDCBackend().verify_token(raw, nonce=nonce)
    except SignInRefused as refusal:
        return refusal.reason
    except jwt.InvalidTokenError as error:
        return refusal_reason(error)
    return "accepted"


def test_a_good_id_token_is_accepted(oidc_on):
    assert refusal_of(token()) == "accepted"
    assert refusal_of(token(aud=["kennisstad", "api"], azp="kennisstad")) == "accepted"
    assert refusal_of(token(exp=int(time.time()) - 30)) == "accepted"  # within the clock skew


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"aud": "another-client"}, "audience"),
        ({"aud": ["kennisstad", "api"], "azp": "api"}, "audience"),
        ({"exp": int(time.time()) - 3600}, "expired"),
        ({"iss": "https://login.example.nl/other"}, "issuer"),
        ({"iat": int(time.time()) + 3600, "exp": int(time.time()) + 7200}, "not_yet_valid"),
        ({"exp": None}, "claims"),
        ({"aud": None}, "claims"),
        ({"nonce": "another"}, "nonce"),
        ({"nonce": None}, "nonce"),
    ],
)
def test_an_id_token_that_cannot_be_trusted_is_refused(oidc_on, changes, reason):
    assert refusal_of(token(**changes)) == reason


def test_a_token_signed_with_another_key_is_refused(oidc_on):
    assert refusal_of(token(key=OTHER_KEY)) == "signature"
    assert refusal_of(token(kid="unknown")) == "signature"
    unsigned = jwt.encode({"iss": ISSUER, "sub": "s", "aud": "kennisstad"}, None, algorithm="none")
    assert refusal_of(unsigned) == "signature"


def test_a_password_login_never_reaches_the_provider(oidc_on, rf):
    request = rf.post("/accounts/login/?code=a&state=b")
    assert OIDCBackend().authenticate(request, username="x", password="y") is None


@pytest.mark.django_db
def test_a_deactivated_account_loses_its_provider_session(team_member):
    assert OIDCBackend().get_user(team_member.pk) == team_member
    team_member.is_active = False
    team_member.save()
    assert OIDCBackend().get_user(team_member.pk) is None


def test_a_refused_provider_sign_in_is_no_password_attempt_for_the_lockout():
    assert is_identity_provider_attempt(None, {"username": None, "nonce": "n"})
    assert not is_identity_provider_attempt(None, {"username": "a", "password": "*****"})
    assert not is_identity_provider_attempt(None, {"username": "a", "password": "x", "nonce": "n"})
    assert not is_identity_provider_attempt(None, None)


class FakeResponse:
    def __init__(self, document):
        self.document = document

    def raise_for_status(self):
        pass

    def json(self):
        return self.document


def test_the_discovery_document_is_fetched_once_and_must_name_our_issuer(oidc_on, monkeypatch):
    fetched = []
    document = {"issuer": ISSUER, "token_endpoint": f"{ISSUER}/token", "jwks_uri": "j"}

    def get(url, timeout):
        fetched.append(url)
        return FakeResponse(document)

    monkeypatch.setattr(oidc_discovery.requests, "get", get)
    oidc_discovery.forget()
    assert oidc_discovery.endpoint("OIDC_OP_TOKEN_ENDPOINT") == f"{ISSUER}/token"
    assert oidc_discovery.endpoint("OIDC_OP_END_SESSION_ENDPOINT") == ""
    assert fetched == [f"{ISSUER}/.well-known/openid-configuration"]
    oidc_on.OIDC_OP_TOKEN_ENDPOINT = "https://elsewhere.example/token"
    assert oidc_discovery.endpoint("OIDC_OP_TOKEN_ENDPOINT") == "https://elsewhere.example/token"

    document["issuer"] = "https://attacker.example"
    oidc_discovery.forget()
    with pytest.raises(ImproperlyConfigured):
        oidc_discovery.endpoint("OIDC_OP_AUTHORIZATION_ENDPOINT")
    oidc_discovery.forget()


# --- the login page -------------------------------------------------------------------------


@pytest.mark.django_db
def test_without_an_issuer_the_login_page_is_local_only(client):
    page = client.get(reverse("accounts:login"))
    assert b"oidc" not in page.content
    assert b'name="password"' in page.content
    assert client.get(reverse("accounts:oidc-sign-in")).status_code == 404
    assert client.get(reverse("accounts:oidc-callback")).status_code == 404


@pytest.mark.django_db
def test_with_an_issuer_the_login_page_offers_the_provider(client, oidc_on):
    oidc_on.OIDC_PROVIDER_NAME = "Microsoft Entra ID"
    page = client.get(reverse("accounts:login") + "?next=/dashboard/")
    with translation.override("nl"):
        label = translation.gettext("Log in with %(provider)s") % {"provider": provider_name()}
    assert label.encode() in page.content
    assert b'href="/accounts/oidc/sign-in/?next=%2Fdashboard%2F"' in page.content
    assert b'name="password"' in page.content

    oidc_on.OIDC_HIDE_LOCAL_LOGIN = True
    assert b'name="password"' not in client.get(reverse("accounts:login")).content
    assert b'name="password"' in client.get(reverse("accounts:login") + "?local=1").content


@pytest.mark.django_db
def test_a_password_login_is_never_marked_as_an_identity_provider_session(client, team_member):
    session = client.session
    session[SSO_SESSION_KEY] = True
    session.save()
    client.post(reverse("accounts:login"), {"username": "team-user", "password": "secret-password"})
    assert "_auth_user_id" in client.session
    assert SSO_SESSION_KEY not in client.session


@pytest.mark.django_db
def test_a_provider_that_does_not_answer_sends_back_to_the_login_page(client, oidc_on, monkeypatch):
    def unreachable(url, timeout):
        raise oidc_discovery.requests.ConnectionError("refused")

    monkeypatch.setattr(oidc_discovery.requests, "get", unreachable)
    oidc_discovery.forget()
    answer = client.get(reverse("accounts:oidc-sign-in"), follow=True)
    assert answer.redirect_chain[-1][0] == reverse("accounts:login")
    with translation.override("nl"):
        expected = translation.gettext("Signing in with %(provider)s did not succeed. Try again.")
    assert expected.split("%(provider)s")[0].encode() in answer.content


def test_a_required_second_factor_at_the_provider_is_checked(oidc_on):
    """BIO: with OIDC_REQUIRED_AMR/ACR set, an ID token that shows no second factor is refused."""
    oidc_on.OIDC_REQUIRED_AMR = ["mfa"]
    oidc_on.OIDC_REQUIRED_ACR = ["gold"]
    assert refusal_of(token(amr=["pwd", "mfa"])) == "accepted"
    assert refusal_of(token(acr="gold")) == "accepted"
    assert refusal_of(token(amr=["pwd"])) == "second_factor"
    assert refusal_of(token(amr="mfa")) == "second_factor"  # amr is a list, never a string
    assert refusal_of(token()) == "second_factor"
    oidc_on.OIDC_REQUIRED_AMR = oidc_on.OIDC_REQUIRED_ACR = []
    assert refusal_of(token(amr=["pwd"])) == "accepted"
