"""Tests: fast hashing, mails kept in memory, no brute-force lockout between tests."""

from .base import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
AXES_ENABLED = False
LANGUAGE_CODE = "nl"
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
