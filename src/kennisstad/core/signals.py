"""Signals of the kernel, for apps that keep derived data (the search index) in step.

Bulk inserts send no ``post_save``: an importer that writes records in bulk sends
``records_bulk_created`` instead, with the model as sender and ``pks``, the new records' ids.
The search app listens; the importing app never imports it (it sits above every app)."""

from django.dispatch import Signal

records_bulk_created = Signal()  # sender: the model; pks: list of primary keys
