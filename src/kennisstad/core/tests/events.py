"""Reading the named log events a test caused (``caplog`` on ``kennisstad.events``)."""

import logging

EVENTS_LOGGER = "kennisstad.events"


def logged(caplog, name: str | None = None) -> list[dict]:
    """The fields of every event written (or only those called ``name``), in order."""
    return [
        record.event_fields
        for record in caplog.records
        if record.name == EVENTS_LOGGER and name in (None, record.event)
    ]


def names(caplog) -> list[str]:
    return [fields["event"] for fields in logged(caplog)]


def listen(caplog) -> None:
    caplog.set_level(logging.INFO, logger=EVENTS_LOGGER)
