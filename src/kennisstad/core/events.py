"""Named, structured log events for what a controller or security officer asks about later:
imports, publications, erasures, merges and feed syncs. One logger, ``kennisstad.events``; each
record carries ``event`` (a dotted name), ``actor`` and the counts and ids of what happened, so a
log collector can filter and sum them without parsing sentences. Never log personal data here:
ids and counts only."""

from __future__ import annotations

import functools
import json
import logging
from typing import Any

from django.db import transaction

from .actors import actor_label

logger = logging.getLogger("kennisstad.events")


def log_event(event: str, *, user: Any = None, level: int = logging.INFO, **fields: Any) -> None:
    """Write one event: ``log_event("import.spreadsheet", user=u, kind="people", created=3)``.
    A failure is written at ``level=logging.WARNING`` so it shows at a stricter LOG_LEVEL."""
    payload = {"event": event, "actor": actor_label(user), **fields}
    logger.log(
        level,
        "%s %s",
        event,
        " ".join(f"{key}={value}" for key, value in payload.items() if key != "event"),
        extra={"event": event, "event_fields": payload},
    )


def log_event_on_commit(event: str, *, user: Any = None, **fields: Any) -> None:
    """Write the event once the surrounding transaction commits: an action that rolls back (a
    dry run, a conflict, a refusal) logs nothing. Outside a transaction it is written now."""
    transaction.on_commit(functools.partial(log_event, event, user=user, **fields))


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, the request's id (set by
    ``core.request_id.RequestIdFilter``; absent outside a request), and an event's own fields."""

    def format(self, record: logging.LogRecord) -> str:
        data: dict[str, Any] = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request_id = getattr(record, "request_id", "")
        if request_id and request_id != "-":
            data["request_id"] = request_id
        data.update(getattr(record, "event_fields", {}))
        if record.exc_info:
            data["exception"] = self.formatException(record.exc_info)
        return json.dumps(data, default=str, ensure_ascii=False)
