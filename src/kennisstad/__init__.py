"""Kennisstad: the working system of a municipality's international-affairs team."""

# The Celery app is loaded with the package, so ``shared_task`` tasks bind to it in every
# process (web, worker, management commands).
from .celery import app as celery_app

__version__ = "0.1.0"
__all__ = ["celery_app"]
