"""Secrets that travel in addresses never reach a log: a personal calendar feed's address is its
secret (``/agenda/feeds/<token>.ics``), so is a registrant's personal link
(``/registrations/manage/<token>/``), and Django logs the path of every 4xx and 5xx answer
(``django.request``) just as gunicorn's access log writes every path."""

import logging
import re

FEED_TOKEN = re.compile(r"(/feeds/)[^/?\s]+(\.ics)")
# A registrant's personal link (``/registrations/manage/<token>/``) is their key as well.
MANAGE_TOKEN = re.compile(r"(/registrations/manage/)[^/?\s]+")


def without_secrets(text: str) -> str:
    return MANAGE_TOKEN.sub(r"\1…", FEED_TOKEN.sub(r"\1…\2", text))


class SecretPathFilter(logging.Filter):
    """Takes feed tokens out of a record's message and its string arguments (the path)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = without_secrets(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(
                without_secrets(arg) if isinstance(arg, str) else arg for arg in record.args
            )
        return True
