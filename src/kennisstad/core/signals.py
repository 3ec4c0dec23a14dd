"""Signals of the kernel, for apps that keep derived data (the search index) in step.

Bulk inserts send no ``post_save``: an importer that writes records in bulk sends
``records_bulk_created`` instead, with the model as sender and ``pks``, the new records' ids.
The search app listens; the importing app never imports it (it sits above every app)."""

from typing import Any

from django.db import transaction
from django.db.models import Model
from django.dispatch import Signal

records_bulk_created = Signal()  # sender: the model; pks: list of primary keys


def announce_bulk_created(model: type[Model], pks: list[Any]) -> None:
    """Send ``records_bulk_created`` once the import commits: derived data is then filled in its
    own queries, outside the import's write lock; a rolled-back import (a dry run) announces
    nothing, and a failure there is logged without undoing or failing the import."""
    ids = list(pks)
    transaction.on_commit(lambda: records_bulk_created.send(sender=model, pks=ids), robust=True)
