"""Tests: fast hashing, mails kept in memory, no brute-force lockout between tests."""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
AXES_ENABLED = False
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
