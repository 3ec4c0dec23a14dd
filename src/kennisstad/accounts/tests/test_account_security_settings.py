"""The account-security settings from the environment: production believes the proxy's HTTPS
header only when a proxy is trusted; defaults of hours, not weeks; a wrong MFA value refuses."""

import os
import subprocess
import sys

CODE = (
    "import django; django.setup(); from django.conf import settings as s; "
    "print(getattr(s, 'SECURE_PROXY_SSL_HEADER', None), s.SESSION_COOKIE_AGE, "
    "s.KENNISSTAD_SESSION_IDLE_MINUTES, s.AXES_FAILURE_LIMIT, s.KENNISSTAD_MFA_REQUIRED)"
)


def _settings(**env) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("KENNISSTAD_", "AXES"))}
    environment.update(SECRET_KEY="x", DJANGO_SETTINGS_MODULE="kennisstad.conf.production", **env)
    return subprocess.run(
        [sys.executable, "-c", CODE], capture_output=True, text=True, env=environment
    )


def test_production_defaults_and_the_trusted_proxy():
    plain = _settings()
    assert plain.returncode == 0, plain.stderr
    assert plain.stdout.split() == ["None", "36000", "60", "5", "administrators"]
    proxied = _settings(KENNISSTAD_TRUSTED_PROXY_COUNT="1")
    assert proxied.stdout.startswith("('HTTP_X_FORWARDED_PROTO', 'https')")


def test_an_unknown_mfa_requirement_is_refused():
    result = _settings(KENNISSTAD_MFA_REQUIRED="nobody")
    assert result.returncode != 0
    assert "KENNISSTAD_MFA_REQUIRED" in result.stderr
