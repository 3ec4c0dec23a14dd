"""The Celery app: background work (feed syncs, the digest, the purge, reminders, mails) for
``celery -A kennisstad worker`` and ``celery -A kennisstad beat`` (``make worker``, ``make
beat``). Its settings are Django's ``CELERY_*`` settings (``conf/background.py``); each app keeps
its tasks in its own ``tasks.py``, found here by ``autodiscover_tasks``."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kennisstad.conf.dev")

app = Celery("kennisstad")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
