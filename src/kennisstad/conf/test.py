"""Tests: fast hashing, mails kept in memory, no brute-force lockout or API rate limit between
tests."""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .env import env_bool

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
AXES_ENABLED = False
# Fuzzers and API tests send thousands of requests a minute; the rate-limit tests switch it on.
API_THROTTLE = False
LANGUAGE_CODE = "nl"

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not memory, so tests see the WAL/locking behaviour of production; one per process
    # so parallel test runs on one machine never share it.
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": str(Path(tempfile.gettempdir()) / f"kennisstad-test-{os.getpid()}.sqlite3")
    }
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Pages are rendered for every request, so tests can read each response's context; the page
# cache's own tests switch it on.
PUBLIC_PAGE_CACHE_SECONDS = 0

# Tasks run in the test's own process, even when REDIS_URL is set for the production tests: those
# that start a real worker switch the test process to the queue themselves.
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", True)

# Files attached to records stay in memory: no test writes under var/ (the attachments app's own
# tests use a temporary folder, and an S3 bucket in memory).
STORAGES = {
    **STORAGES,  # noqa: F405
    "attachments": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
}
