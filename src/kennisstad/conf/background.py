"""Background work (``kennisstad.celery``): the broker, the retry policy and the schedule.

Without a broker (``make run``, the embedded default) every task runs inside the process that
asks for it, so nothing else has to run; with ``CELERY_BROKER_URL`` (or ``REDIS_URL``) set, tasks
go to the queue and ``make worker`` runs them, ``make beat`` sends the scheduled ones.

Each schedule is an environment variable holding a crontab line of five fields (minute hour
day-of-month month day-of-week, as cron reads them, in ``TIME_ZONE``), a number of seconds
(every so many seconds: tests, and a municipality that wants feeds every 15 minutes can write
``900``), or ``off``.
"""

from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

from .env import env_bool, env_int, env_str


def schedule_from_env(name: str, default: str) -> crontab | float | None:
    """The schedule in ``name`` (see the module's docstring); None when it is ``off``."""
    value = env_str(name, default).strip()
    if value.lower() in {"off", "none", "never"}:
        return None
    try:
        seconds = float(value)
    except ValueError:
        seconds = None
    if seconds is not None:
        if seconds <= 0:
            raise ImproperlyConfigured(f"{name}: a number of seconds must be above 0.")
        return seconds
    fields = value.split()
    if len(fields) != 5:
        raise ImproperlyConfigured(
            f"{name} must be a crontab line of five fields (e.g. '30 2 * * *'), a number of "
            f"seconds or 'off', not {value!r}."
        )
    minute, hour, day_of_month, month_of_year, day_of_week = fields
    try:
        return crontab(
            minute=minute,
            hour=hour,
            day_of_month=day_of_month,
            month_of_year=month_of_year,
            day_of_week=day_of_week,
        )
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name}: {exc}") from exc


def beat_schedule(jobs: dict[str, tuple[str, str, str, int]]) -> dict[str, dict]:
    """The beat entries of ``jobs`` (entry: (task, variable, default, expires seconds)) whose
    schedule is not off. A run that waited longer than ``expires`` in the queue (the worker was
    down) is dropped: the next one is due soon and does the same work."""
    entries = {}
    for entry, (task, variable, default, expires) in jobs.items():
        schedule = schedule_from_env(variable, default)
        if schedule is not None:
            entries[entry] = {"task": task, "schedule": schedule, "options": {"expires": expires}}
    return entries


# The broker and the result store: Redis in production. Without one, tasks run in-process.
_REDIS_URL = env_str("REDIS_URL", "")
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", _REDIS_URL)
CELERY_RESULT_BACKEND = env_str("CELERY_RESULT_BACKEND", _REDIS_URL) or None
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", not CELERY_BROKER_URL)
# In-process, a task's error reaches its caller (a management command, a test) as it would
# without Celery; callers in a request catch it (core.background.enqueue).
CELERY_TASK_EAGER_PROPAGATES = True
if not CELERY_BROKER_URL:
    CELERY_BROKER_URL = "memory://"
# One queue of our own, so a Redis shared with other systems (or tests) keeps the work apart.
CELERY_TASK_DEFAULT_QUEUE = env_str("CELERY_QUEUE", "kennisstad")
CELERY_RESULT_EXPIRES = env_int("CELERY_RESULT_EXPIRES", 24 * 3600)
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
# A task is acknowledged once it finished: a worker that dies halfway leaves it in the queue for
# another (every task is idempotent). One task at a time per worker process, so a long purge
# does not hold back the feed syncs queued behind it in the same process.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Redis hands an unacknowledged task to another worker after this many seconds: longer than the
# longest task (and than the longest retry wait, which Redis also holds unacknowledged).
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env_int("CELERY_VISIBILITY_TIMEOUT", 6 * 3600),
    "socket_connect_timeout": 5,
}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A page that queues a mail while the broker is down tries twice more within a second (each
# connection attempt at most 5 s when the host does not answer), then logs it and goes on.
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 2,
    "interval_start": 0,
    "interval_step": 0.5,
    "interval_max": 0.5,
}
# Our LOGGING (JSON lines with LOG_FORMAT=json) stays in charge in the worker too.
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
CELERY_WORKER_SEND_TASK_EVENTS = False
CELERY_TIMEZONE = env_str("TIME_ZONE", "Europe/Amsterdam")
CELERY_ENABLE_UTC = True

# Retries of a task that failed for a passing reason (core.background.TRANSIENT_ERRORS):
# waits of about BACKOFF, 2x, 4x ... seconds (with jitter), at most BACKOFF_MAX, MAX_RETRIES times.
KENNISSTAD_TASK_MAX_RETRIES = env_int("KENNISSTAD_TASK_MAX_RETRIES", 5)
KENNISSTAD_TASK_RETRY_BACKOFF = env_int("KENNISSTAD_TASK_RETRY_BACKOFF", 30)
KENNISSTAD_TASK_RETRY_BACKOFF_MAX = env_int("KENNISSTAD_TASK_RETRY_BACKOFF_MAX", 1800)

# The schedule (make beat): partners' calendars hourly, the purge of personal data past its
# retention period nightly (every kind of record: contact persons, contact moments,
# registrations, subscribers, delegation members; privacy.purge_personal_data), the reminders
# every morning, the digest on Monday morning.
CELERY_BEAT_SCHEDULE = beat_schedule(
    {
        "sync-feeds": ("agenda.sync_feeds", "KENNISSTAD_SCHEDULE_FEEDS", "5 * * * *", 3000),
        "purge-expired": (
            "privacy.purge_personal_data",
            "KENNISSTAD_SCHEDULE_PURGE",
            "30 2 * * *",
            12 * 3600,
        ),
        "send-reminders": (
            "workspace.send_reminders",
            "KENNISSTAD_SCHEDULE_REMINDERS",
            "0 7 * * *",
            12 * 3600,
        ),
        "send-digest": ("agenda.send_digest", "KENNISSTAD_SCHEDULE_DIGEST", "0 7 * * 1", 12 * 3600),
        # Newsletter editions whose queued batch was lost carry on; addresses past retention go.
        "newsletter-resume": (
            "newsletter.resume_sending",
            "KENNISSTAD_SCHEDULE_NEWSLETTER_RESUME",
            "*/10 * * * *",
            540,
        ),
        "newsletter-purge": (
            "newsletter.purge_subscribers",
            "KENNISSTAD_SCHEDULE_NEWSLETTER_PURGE",
            "45 2 * * *",
            12 * 3600,
        ),
    }
)
