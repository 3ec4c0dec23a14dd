"""Settings come from the environment; production refuses to start without a secret key."""

import os
import subprocess
import sys


def run_settings(module: str, **env) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DATABASE_URL")}
    environment.update(env, DJANGO_SETTINGS_MODULE=module)
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.DATABASES['default']['ENGINE'], settings.TIME_ZONE, settings.LANGUAGE_CODE)"
    )
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=environment
    )


def test_production_requires_a_secret_key():
    result = run_settings("kennisstad.conf.production")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_database_url_switches_to_postgresql():
    result = run_settings(
        "kennisstad.conf.production",
        SECRET_KEY="x",
        DATABASE_URL="postgres://kennisstad:secret@db.example:5432/kennisstad",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["django.db.backends.postgresql", "Europe/Amsterdam", "nl"]


def test_development_defaults_to_embedded_sqlite():
    result = run_settings("kennisstad.conf.dev")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[0] == "django.db.backends.sqlite3"
