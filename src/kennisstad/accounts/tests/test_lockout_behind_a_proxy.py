"""The lockout counts wrong passwords and wrong codes per username and client address; the
address comes from X-Forwarded-For only when the municipality says a proxy is in front."""

import pytest
from axes.models import AccessAttempt
from django.test import RequestFactory
from django.urls import reverse

from kennisstad.core.client_ip import client_ip

from .mfa_helpers import code_for, set_up_authenticator, sign_in_with_password

pytestmark = [pytest.mark.django_db, pytest.mark.real_sign_in]


@pytest.fixture
def lockout(settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 5
    return settings


def _fail(client, user, times, **meta):
    for _ in range(times):
        client.post(
            reverse("accounts:login"), {"username": user.username, "password": "wrong"}, **meta
        )


def test_a_forged_forwarded_for_does_not_change_the_address_without_a_proxy(
    client, team_member, lockout
):
    lockout.KENNISSTAD_TRUSTED_PROXY_COUNT = 0
    for number in range(5):
        _fail(
            client,
            team_member,
            1,
            REMOTE_ADDR="198.51.100.7",
            HTTP_X_FORWARDED_FOR=f"10.0.0.{number}",
        )
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"198.51.100.7"}
    response = sign_in_with_password(
        client, team_member, REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_FOR="10.9.9.9"
    )
    assert response.status_code == 429 or response.status_code == 403
    assert "_auth_user_id" not in client.session


def test_behind_one_trusted_proxy_the_address_it_saw_counts(client, team_member, lockout):
    lockout.KENNISSTAD_TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    # The client forges a first entry; the proxy appends the address it really saw.
    _fail(client, team_member, 5, HTTP_X_FORWARDED_FOR="203.0.113.1, 198.51.100.7", **proxy)
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"198.51.100.7"}
    locked = sign_in_with_password(
        client, team_member, HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.7", **proxy
    )
    assert locked.status_code in (403, 429)
    other = sign_in_with_password(client, team_member, HTTP_X_FORWARDED_FOR="192.0.2.50", **proxy)
    assert other.status_code == 302  # another client behind the same proxy is not locked


def test_the_client_address_rules():
    factory = RequestFactory()
    request = factory.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="6.6.6.6, 192.0.2.1")
    from django.test import override_settings

    assert client_ip(request) == "10.0.0.2"
    with override_settings(KENNISSTAD_TRUSTED_PROXY_COUNT=1):
        assert client_ip(request) == "192.0.2.1"
    with override_settings(KENNISSTAD_TRUSTED_PROXY_COUNT=2):
        assert client_ip(request) == "6.6.6.6"
    with override_settings(
        KENNISSTAD_TRUSTED_PROXY_COUNT=1, KENNISSTAD_TRUSTED_PROXY_HEADER="X-Real-IP"
    ):
        real = factory.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_REAL_IP="192.0.2.9:5555")
        assert client_ip(real) == "192.0.2.9"
        garbled = factory.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_REAL_IP="not-an-address")
        assert client_ip(garbled) == "10.0.0.2"


def test_wrong_codes_count_towards_the_lockout_too(client, team_member, lockout):
    lockout.OTP_TOTP_THROTTLE_FACTOR = 0
    sign_in_with_password(client, team_member)
    device, _codes = set_up_authenticator(client)
    client.logout()
    sign_in_with_password(client, team_member)
    right = code_for(device, steps_ahead=1)
    wrong = "000000" if right != "000000" else "111111"
    verify = reverse("accounts:mfa-verify")
    for _ in range(4):
        assert client.post(verify, {"code": wrong}).status_code == 200
    locked = client.post(verify, {"code": wrong})
    assert locked.status_code in (403, 429)
    assert "_auth_user_id" not in client.session  # signed out
    # Even the right password and code no longer help from this address.
    again = sign_in_with_password(client, team_member)
    assert again.status_code in (403, 429)
