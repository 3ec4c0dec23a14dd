"""What every background task shares: the retry policy, a log event per run, and queueing from
a request without letting the queue (or, in-process, the task) break the page.

A task is a thin wrapper over a service that already does the work for a management command;
``background_task`` adds what a scheduled job needs and the command does not:

- **retries** with exponential backoff and jitter for errors that pass on their own
  (``TRANSIENT_ERRORS``: the database gone for a moment, a partner's calendar server that did
  not answer, a mail server that refused for now); any other error fails the run at once;
- **late acknowledgement**: a worker that dies mid-run leaves the task for another, which is
  safe because every task is idempotent (the services record what they sent);
- **a named log event per run**: ``task.<job>.finished`` with the counts the task returns,
  ``task.<job>.retrying`` or ``task.<job>.failed`` (WARNING) with the error's class.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from smtplib import SMTPConnectError, SMTPServerDisconnected
from typing import Any

from celery import shared_task
from django.conf import settings
from django.db import InterfaceError, OperationalError, transaction

from .events import log_event
from .http_fetch import TransientFetchError


class TransientError(Exception):
    """Raised by a task whose work is partly undone for a passing reason (some mails could not
    be sent): it is tried again later, and does only what is still undone."""


TRANSIENT_ERRORS: tuple[type[BaseException], ...] = (
    TransientError,
    TransientFetchError,
    OperationalError,
    InterfaceError,
    ConnectionError,
    TimeoutError,
    SMTPConnectError,
    SMTPServerDisconnected,
)


def retry_policy() -> dict[str, Any]:
    """The options every task gets; settings ``KENNISSTAD_TASK_*`` tune them."""
    return {
        "autoretry_for": TRANSIENT_ERRORS,
        "retry_backoff": settings.KENNISSTAD_TASK_RETRY_BACKOFF,
        "retry_backoff_max": settings.KENNISSTAD_TASK_RETRY_BACKOFF_MAX,
        "retry_jitter": True,
        "max_retries": settings.KENNISSTAD_TASK_MAX_RETRIES,
        "acks_late": True,
    }


def background_task(name: str, *, job: str, **options: Any) -> Callable[[Callable], Any]:
    """Make ``func`` (returning a dict of counts) the Celery task ``name``, logged as
    ``task.<job>.*``. ``options`` override the retry policy."""

    def decorate(func: Callable[..., dict[str, Any]]) -> Any:
        def run(task: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
            return _run_logged(task, job, func, args, kwargs)

        run.__name__ = func.__name__
        run.__qualname__ = func.__qualname__
        run.__module__ = func.__module__
        run.__doc__ = func.__doc__
        return shared_task(name=name, bind=True, **{**retry_policy(), **options})(run)

    return decorate


def _run_logged(
    task: Any, job: str, func: Callable[..., dict[str, Any]], args: tuple, kwargs: dict
) -> dict[str, Any]:
    """Run ``func``, logging each attempt. Through a broker a passing error is raised, and
    ``autoretry_for`` queues the retry with its backoff. In-process (no broker) Celery would
    hand the caller a ``Retry`` instead of retrying, so there the retries run here, at once;
    after the last, the error is raised with the retries used up, so Celery raises it too."""
    request = task.request
    limit = task.max_retries if task.max_retries is not None else 0
    while True:
        try:
            return _attempt(task, job, func, args, kwargs)
        except tuple(task.autoretry_for or ()):
            if not request.is_eager or (request.retries or 0) >= limit:
                raise
            request.retries = (request.retries or 0) + 1


def _attempt(
    task: Any, job: str, func: Callable[..., dict[str, Any]], args: tuple, kwargs: dict
) -> dict[str, Any]:
    request = task.request
    fields = {"task": task.name, "task_id": request.id, "attempt": (request.retries or 0) + 1}
    started = time.monotonic()
    try:
        counts = func(*args, **kwargs)
    except Exception as exc:
        retrying = isinstance(exc, tuple(task.autoretry_for or ())) and (
            task.max_retries is None or (request.retries or 0) < task.max_retries
        )
        log_event(
            f"task.{job}.{'retrying' if retrying else 'failed'}",
            level=logging.WARNING,
            **fields,
            error=type(exc).__name__,
            duration_ms=_since(started),
        )
        raise
    log_event(f"task.{job}.finished", **fields, **counts, duration_ms=_since(started))
    return counts


def _since(started: float) -> int:
    return round((time.monotonic() - started) * 1000)


def enqueue(task: Any, *args: Any) -> None:
    """Queue ``task`` now, never raising: called after a user's change is committed (a mail
    about it), where a broker that is down must not turn the saved change into an error page.
    In-process (no broker) the task runs here; its failure is logged by the task itself."""
    try:
        task.delay(*args)
    except Exception as exc:
        if not task.app.conf.task_always_eager:
            log_event(
                "task.enqueue.failed",
                level=logging.WARNING,
                task=task.name,
                error=type(exc).__name__,
            )


def enqueue_on_commit(task: Any, *args: Any) -> None:
    """``enqueue`` once the surrounding transaction commits (nothing when it rolls back), so
    the worker finds what the task is about."""
    transaction.on_commit(lambda: enqueue(task, *args))
