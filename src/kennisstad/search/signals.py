"""Signal receivers that keep the index in step with saves and deletes of searchable records."""

from django.db import connections
from django.db.models.signals import post_delete, post_save

from kennisstad.core.signals import records_bulk_created

from .documents import DOCUMENTS, document_for_model

CHUNK = 2000  # ids per query, at most half of what the database allows in one statement


def _saved(sender, instance, raw=False, **kwargs):
    if raw:  # loading fixtures: the record may be incomplete; rebuild_index covers it
        return
    from .services import index_object

    index_object(obj=instance)


def _deleted(sender, instance, **kwargs):
    from .services import remove_object

    remove_object(model=sender, pk=instance.pk)


def _bulk_created(sender, pks, **kwargs):
    """Records written in bulk (imports): index them in chunks, in their own queries."""
    from .services import index_queryset

    if document_for_model(sender) is None:
        return
    manager = sender._default_manager
    limit = connections[manager.db].features.max_query_params or CHUNK
    size = max(1, min(CHUNK, limit // 2))
    for start in range(0, len(pks), size):
        index_queryset(queryset=manager.filter(pk__in=pks[start : start + size]))


def connect() -> None:
    records_bulk_created.connect(_bulk_created, dispatch_uid="search-bulk-created")
    for document in DOCUMENTS.values():
        model = document.model
        post_save.connect(_saved, sender=model, dispatch_uid=f"search-save-{document.kind}")
        post_delete.connect(_deleted, sender=model, dispatch_uid=f"search-delete-{document.kind}")
