"""Two-step verification (TOTP and recovery codes): who must have it, the sign-in with it, and
that a session which still owes its code reaches nothing (BIO: administrators, personal data)."""

import re

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from kennisstad.accounts import access, second_factor
from kennisstad.accounts.middleware import SecondFactorMiddleware
from kennisstad.accounts.models import Role
from kennisstad.accounts.tests.factories import UserFactory
from kennisstad.relations.tests.factories import PersonFactory

from .mfa_helpers import code_for, set_up_authenticator, sign_in_with_password

pytestmark = [pytest.mark.django_db, pytest.mark.real_sign_in]

SETUP = reverse("accounts:mfa-setup")
VERIFY = reverse("accounts:mfa-verify")


def test_an_administrator_without_a_second_factor_reaches_no_admin_and_no_personal_data(
    client, administrator
):
    """The Must-show of issue 15: password right, no authenticator yet: every page is the
    set-up page, the API with this session answers 403, nothing personal leaks."""
    person = PersonFactory(first_name="Geheime", last_name="Contactpersoon")
    response = sign_in_with_password(client, administrator)
    assert response.status_code == 302 and response.url.startswith(SETUP)

    pages = [
        reverse("admin:index"),
        reverse("admin:accounts_user_changelist"),
        reverse("workspace:home"),
        reverse("relations:person-list"),
        reverse("relations:person-detail", args=[person.pk]),
        reverse("relations:person-personal-data", args=[person.pk]),
        reverse("relations:personal-data-log"),
        reverse("search:results") + "?q=Contactpersoon",
        reverse("accounts:profile"),
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith(SETUP), (url, response.url)
    erase = client.post(reverse("relations:person-erase", args=[person.pk]), {"reason": "x"})
    assert erase.status_code == 302 and erase.url.startswith(SETUP)

    for url in (
        "/api/v1/people/",
        f"/api/v1/people/{person.pk}/",
        f"/api/v1/people/{person.pk}/personal-data/?reason=test",
        "/api/v1/contact-moments/",
    ):
        response = client.get(url, HTTP_ACCEPT="application/json")
        assert response.status_code == 403, url
        assert "Contactpersoon" not in response.content.decode()
        # Another kind of Authorization header must not open the API for this session either.
        basic = client.get(url, HTTP_AUTHORIZATION="Basic eDp4")
        assert basic.status_code == 403, url
        assert basic.json() == {"detail": _("Finish signing in with your second factor first.")}

    # Once set up (and so verified), the same session reaches them.
    set_up_authenticator(client)
    assert client.get(reverse("relations:person-detail", args=[person.pk])).status_code == 200
    assert client.get(reverse("admin:index")).status_code == 200
    assert client.get("/api/v1/people/").status_code == 200


def test_a_pending_user_has_no_role_even_where_the_middleware_is_not_asked(administrator):
    """Defence in depth: the access policy itself gives a pending user no role."""
    factory = RequestFactory()
    request = factory.get("/")
    request.session = {"_auth_user_id": str(administrator.pk)}
    request.user = administrator
    SecondFactorMiddleware(lambda request: None)(request)
    assert getattr(administrator, second_factor.PENDING_ATTRIBUTE) is True
    assert access.role_of(administrator) is None
    assert not access.can_see_people(administrator)


def test_the_admin_site_itself_asks_for_a_verified_session(administrator, settings):
    """Without the middleware too (the admin site's own check, as OTPAdminSite's)."""
    request = RequestFactory().get("/admin/")
    request.session = {}
    request.user = administrator
    administrator.is_verified = lambda: False
    assert not admin.site.has_permission(request)
    administrator.is_verified = lambda: True
    assert admin.site.has_permission(request)
    request.session = {second_factor.SSO_SESSION_KEY: True}
    administrator.is_verified = lambda: False
    assert admin.site.has_permission(request)


def test_setup_shows_an_inline_qr_code_and_the_key_then_recovery_codes_once(client, team_member):
    sign_in_with_password(client, team_member)
    page = client.get(SETUP).content.decode()
    assert 'src="data:image/svg+xml;base64,' in page  # no image from elsewhere (CSP)
    device = TOTPDevice.objects.get(user=team_member, confirmed=False)
    secret = re.search(r'id="mfa-secret">([A-Z2-7 ]+)<', page)[1].replace(" ", "")
    import base64

    assert base64.b32decode(secret) == device.bin_key
    wrong = client.post(SETUP, {"code": "000000" if code_for(device) != "000000" else "111111"})
    assert _("That code is not right. Check the time on your phone.") in wrong.content.decode()
    device.throttle_reset()
    device, codes = set_up_authenticator(client)
    assert device.confirmed and len(codes) == 10
    shown = client.get(reverse("accounts:mfa-recovery-codes")).content.decode()
    assert all(code in shown for code in codes)
    again = client.get(reverse("accounts:mfa-recovery-codes")).content.decode()
    assert not any(code in again for code in codes)  # shown once


def test_sign_in_asks_the_code_of_anyone_who_has_an_authenticator(client, team_member):
    sign_in_with_password(client, team_member)
    device, _codes = set_up_authenticator(client)
    client.logout()

    response = sign_in_with_password(client, team_member)
    assert response.url.startswith(VERIFY)
    assert client.get(reverse("workspace:home")).url.startswith(VERIFY)
    page = client.get(response.url)
    assert page.status_code == 200
    ok = client.post(VERIFY + "?next=/dashboard/", {"code": code_for(device, steps_ahead=1)})
    assert ok.status_code == 302 and ok.url == "/dashboard/"
    assert client.get(reverse("workspace:home")).status_code == 200


def test_the_same_code_does_not_work_twice(client, team_member):
    sign_in_with_password(client, team_member)
    device, _codes = set_up_authenticator(client)
    client.logout()
    sign_in_with_password(client, team_member)
    used = code_for(device)  # the set-up used this one
    response = client.post(VERIFY, {"code": used})
    assert response.status_code == 200
    assert _("That code is not right.") in response.content.decode()


def test_a_recovery_code_works_once(client, team_member, settings):
    settings.OTP_STATIC_THROTTLE_FACTOR = 0
    sign_in_with_password(client, team_member)
    _device, codes = set_up_authenticator(client)
    client.logout()

    sign_in_with_password(client, team_member)
    typed = codes[0].upper()[:4] + "-" + codes[0].upper()[4:]  # as people type them
    response = client.post(VERIFY, {"code": typed})
    assert response.status_code == 302
    assert client.get(reverse("workspace:home")).status_code == 200
    client.logout()

    sign_in_with_password(client, team_member)
    response = client.post(VERIFY, {"code": codes[0]})
    assert response.status_code == 200  # used up
    assert client.post(VERIFY, {"code": codes[1]}).status_code == 302


def test_new_recovery_codes_replace_the_old_ones(client, team_member, settings):
    settings.OTP_STATIC_THROTTLE_FACTOR = 0
    sign_in_with_password(client, team_member)
    _device, old = set_up_authenticator(client)
    client.post(reverse("accounts:mfa-recovery-codes"))
    new = re.findall(
        r'<code class="utrecht-code">([a-z2-7]{8})</code>',
        client.get(reverse("accounts:mfa-recovery-codes")).content.decode(),
    )
    assert len(new) == 10 and not set(new) & set(old)
    client.logout()
    sign_in_with_password(client, team_member)
    assert client.post(VERIFY, {"code": old[0]}).status_code == 200
    assert client.post(VERIFY, {"code": new[0]}).status_code == 302


def test_removing_asks_the_password_and_an_administrator_must_set_up_again(client, administrator):
    sign_in_with_password(client, administrator)
    set_up_authenticator(client)
    remove = reverse("accounts:mfa-remove")
    wrong = client.post(remove, {"password": "not-it"})
    assert wrong.status_code == 200 and TOTPDevice.objects.filter(user=administrator).exists()
    response = client.post(remove, {"password": "secret-password"})
    assert response.url == SETUP
    assert not TOTPDevice.objects.filter(user=administrator).exists()
    assert client.get(reverse("admin:index")).url.startswith(SETUP)


def test_every_role_must_set_it_up_when_the_municipality_says_so(client, reader, settings):
    assert sign_in_with_password(client, reader).url == reverse("workspace:home")
    client.logout()
    settings.KENNISSTAD_MFA_REQUIRED = "all"
    assert sign_in_with_password(client, reader).url.startswith(SETUP)
    assert client.get(reverse("workspace:home")).url.startswith(SETUP)


def test_a_session_from_the_identity_provider_needs_no_local_code(client, administrator):
    client.force_login(administrator)
    session = client.session
    session[second_factor.SSO_SESSION_KEY] = True
    session.save()
    assert client.get(reverse("admin:index")).status_code == 200
    assert client.get(reverse("relations:person-list")).status_code == 200


def test_api_tokens_of_accounts_that_must_have_a_second_factor(client, settings):
    from rest_framework.authtoken.models import Token

    admin_user = UserFactory(username="beheer", role=Role.ADMINISTRATOR)
    token = Token.objects.create(user=admin_user)
    header = {"HTTP_AUTHORIZATION": f"Token {token.key}"}
    refused = client.get("/api/v1/people/", **header)
    assert refused.status_code == 401
    sign_in_with_password(client, admin_user)
    set_up_authenticator(client)
    client.logout()
    assert client.get("/api/v1/people/", **header).status_code == 200

    sso_only = UserFactory(username="sso-beheer", role=Role.ADMINISTRATOR)
    sso_only.set_unusable_password()
    sso_only.save()
    sso_token = Token.objects.create(user=sso_only)
    assert (
        client.get("/api/v1/people/", HTTP_AUTHORIZATION=f"Token {sso_token.key}").status_code
        == 200
    )

    team = UserFactory(username="team-token", role=Role.TEAM_MEMBER)
    team_token = Token.objects.create(user=team)
    assert (
        client.get("/api/v1/people/", HTTP_AUTHORIZATION=f"Token {team_token.key}").status_code
        == 200
    )
    settings.KENNISSTAD_MFA_REQUIRED = "all"
    assert (
        client.get("/api/v1/people/", HTTP_AUTHORIZATION=f"Token {team_token.key}").status_code
        == 401
    )


def test_the_demo_administrator_signs_in_with_the_code_its_page_shows(client, administrator):
    """``make run``: the demo admin's authenticator has the published secret, and the code
    page says its current code (for that published secret only)."""
    from kennisstad.accounts.demo import DEMO_AUTHENTICATOR_KEY
    from kennisstad.accounts.services import set_demo_authenticator

    set_demo_authenticator(user=administrator, key_hex=DEMO_AUTHENTICATOR_KEY)
    response = sign_in_with_password(client, administrator)
    page = client.get(response.url).content.decode()
    code = re.search(r"ks-demo-code.*?(\d{6})", page, re.S)[1]
    assert client.post(VERIFY, {"code": code}).status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


def test_the_admin_login_page_sends_to_the_sign_in(client, administrator):
    response = client.get(reverse("admin:login") + "?next=/admin/")
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))
    sign_in_with_password(client, administrator)
    response = client.get(reverse("admin:login") + "?next=/admin/")
    assert response.url.startswith(SETUP)


def test_calendar_feed_tokens_of_accounts_that_must_have_a_second_factor(client, settings):
    """A personal feed holds non-public activities (which may name people): its secret address
    works like an API token, so not for an administrator without a second factor."""
    from kennisstad.agenda.models import FeedToken

    admin_user = UserFactory(username="beheer-feed", role=Role.ADMINISTRATOR)
    feed = FeedToken.objects.create(user=admin_user)
    address = reverse("agenda:personal-feed", args=[feed.token])
    assert client.get(address).status_code == 404
    sign_in_with_password(client, admin_user)
    set_up_authenticator(client)
    client.logout()
    assert client.get(address).status_code == 200

    team = UserFactory(username="team-feed", role=Role.TEAM_MEMBER)
    team_feed = FeedToken.objects.create(user=team)
    team_address = reverse("agenda:personal-feed", args=[team_feed.token])
    assert client.get(team_address).status_code == 200
    settings.KENNISSTAD_MFA_REQUIRED = "all"
    assert client.get(team_address).status_code == 404
