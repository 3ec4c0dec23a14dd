"""Signing in the real way in tests: the password form, then the authenticator's code."""

import time

from django.urls import reverse
from django_otp.oath import TOTP

PASSWORD = "secret-password"  # accounts.tests.factories.UserFactory's


def code_for(device, *, steps_ahead: int = 0) -> str:
    """The code the authenticator app shows now (or that many 30-second steps later: each code
    works once, so a second sign-in in the same test uses the next one, still within the
    device's tolerance)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"


def sign_in_with_password(client, user, password: str = PASSWORD, **extra):
    return client.post(
        reverse("accounts:login"), {"username": user.username, "password": password}, **extra
    )


def set_up_authenticator(client):
    """Through the set-up page, as a person does; returns (device, recovery codes)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from kennisstad.accounts.views_mfa import NEW_CODES_SESSION_KEY

    assert client.get(reverse("accounts:mfa-setup")).status_code == 200
    device = TOTPDevice.objects.get(confirmed=False)
    response = client.post(reverse("accounts:mfa-setup"), {"code": code_for(device)})
    assert response.status_code == 302, response.content
    codes = client.session[NEW_CODES_SESSION_KEY]
    device.refresh_from_db()
    return device, codes
