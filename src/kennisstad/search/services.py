"""Writes to the search index. Saves and deletes reach it through signals; bulk inserts (the
calendar import, benchmarks) call ``index_queryset`` and a whole rebuild is ``rebuild_index``."""

from django.db import connections, transaction
from django.db.models import Model, QuerySet

from .documents import DOCUMENTS, document_for_model
from .models import SearchEntry

BATCH_SIZE = 2000


def _uses_vector() -> bool:
    return connections[SearchEntry.objects.db].vendor == "postgresql"


def _fill_vectors(entries: QuerySet[SearchEntry]) -> None:
    """PostgreSQL: the tsvector is derived from the stored words with the 'simple' config."""
    if _uses_vector():
        from django.contrib.postgres.search import SearchVector

        entries.update(vector=SearchVector("text", config="simple"))


@transaction.atomic
def index_object(*, obj: Model) -> None:
    document = document_for_model(type(obj))
    if document is None:
        return
    SearchEntry.objects.update_or_create(
        kind=document.kind, object_id=obj.pk, defaults=document.entry_values(obj)
    )
    _fill_vectors(SearchEntry.objects.filter(kind=document.kind, object_id=obj.pk))


def remove_object(*, model: type[Model], pk: int) -> None:
    document = document_for_model(model)
    if document is not None:
        SearchEntry.objects.filter(kind=document.kind, object_id=pk).delete()


@transaction.atomic
def index_queryset(*, queryset: QuerySet[Model]) -> int:
    """(Re)index many records of one model in batches; returns how many."""
    document = document_for_model(queryset.model)
    if document is None:
        return 0
    count = 0
    batch: list[SearchEntry] = []
    ids: list[int] = []

    def flush() -> None:
        SearchEntry.objects.filter(kind=document.kind, object_id__in=ids).delete()
        SearchEntry.objects.bulk_create(batch)
        _fill_vectors(SearchEntry.objects.filter(kind=document.kind, object_id__in=ids))

    for obj in queryset.order_by("pk").iterator(chunk_size=BATCH_SIZE):
        batch.append(
            SearchEntry(kind=document.kind, object_id=obj.pk, **document.entry_values(obj))
        )
        ids.append(obj.pk)
        count += 1
        if len(batch) >= BATCH_SIZE:
            flush()
            batch, ids = [], []
    if batch:
        flush()
    return count


@transaction.atomic
def rebuild_index() -> dict[str, int]:
    """Empty the index and index every record again; returns the count per kind."""
    SearchEntry.objects.all().delete()
    return {
        kind: index_queryset(queryset=document.model._default_manager.all())
        for kind, document in DOCUMENTS.items()
    }
