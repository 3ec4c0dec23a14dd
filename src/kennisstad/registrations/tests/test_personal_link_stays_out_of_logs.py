"""A registrant's personal link is their key: Django's request log (a 4xx, a 5xx) never
writes its token."""

import logging

from kennisstad.core.log_secrets import SecretPathFilter, without_secrets


def test_the_token_is_masked_in_a_path():
    path = "/registrations/manage/eyJyIjoxfQ:1abc:xyz/cancel/"
    assert without_secrets(path) == "/registrations/manage/…/cancel/"


def test_the_request_log_record_loses_the_token():
    record = logging.LogRecord(
        "django.request",
        logging.WARNING,
        __file__,
        1,
        "Gone: %s",
        ("/registrations/manage/geheim-token/",),
        None,
    )
    SecretPathFilter().filter(record)
    assert "geheim-token" not in record.getMessage()
