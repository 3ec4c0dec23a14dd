"""The logging configuration: standard output, as text for a person at a terminal or as one
JSON object per line for a log collector (``LOG_FORMAT=json``, the production default). Every
record written while a request is served carries its request id (``core.request_id``)."""


def logging_settings(log_format: str, level: str) -> dict:
    """Django's LOGGING for ``log_format`` ("text" or "json") at ``level``."""
    if log_format not in ("text", "json"):
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(f'LOG_FORMAT must be "text" or "json", got {log_format!r}.')
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {
            "request_id": {"()": "kennisstad.core.request_id.RequestIdFilter"},
            "secret_paths": {"()": "kennisstad.core.log_secrets.SecretPathFilter"},
        },
        "formatters": {
            "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
            "json": {"()": "kennisstad.core.events.JsonFormatter"},
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": log_format,
                # On the handler, not a logger: a handler's filter also sees what other loggers
                # (django.request, the apps) pass up to the root.
                "filters": ["request_id", "secret_paths"],
            }
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {"django.db.backends": {"level": "WARNING"}},
    }
