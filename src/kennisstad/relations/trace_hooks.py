"""Keeping the index of where personal data lives current on every write (see ``traces``).

``post_save`` covers saves (django-simple-history saves its historical rows, so they come
too). Bulk inserts and ``QuerySet.update()`` send no signal; rather than trust every call site
(imports, history utilities, libraries) to remember, the two ``QuerySet`` methods are wrapped
once here: after a bulk insert the new rows are indexed from memory, and an update that writes
an indexed text column reindexes the rows it matched (read before the update, as the update may
change what the filter matches). Models without indexed text pay one dictionary look-up.
"""

import functools

from django.db import transaction
from django.db.models import QuerySet
from django.db.models.signals import post_migrate, post_save

from . import traces

INDEX_MIGRATION = ("relations", "0006_personal_data_index")


def _saved(sender, instance, created, update_fields=None, **kwargs) -> None:
    names = traces.indexed_fields(sender)
    if not names:
        return
    if update_fields is not None:
        written = {sender._meta.get_field(name).attname for name in update_fields}
        if not written & set(names):  # a status, a counter, a date: no text changed
            return
    if update_fields is not None or instance.get_deferred_fields():
        traces.reindex_rows(sender, [instance.pk])  # what is in memory may not be what is stored
    else:
        traces.index_objects(sender, [instance], fresh=created)


def _wrap_bulk_create(original):
    @functools.wraps(original)
    def bulk_create(self, objs, *args, **kwargs):
        if not traces.indexed_fields(self.model):
            return original(self, objs, *args, **kwargs)
        with transaction.atomic(using=self.db, savepoint=False):  # rows and index together
            created = original(self, objs, *args, **kwargs)
            if kwargs.get("ignore_conflicts") or kwargs.get("update_conflicts"):
                traces.reindex_rows(self.model, [obj.pk for obj in created if obj.pk is not None])
            else:
                traces.index_objects(self.model, created, fresh=True)
        return created

    bulk_create._reindexes = True  # type: ignore[attr-defined]
    return bulk_create


def _wrap_update(original):
    @functools.wraps(original)
    def update(self, **kwargs):
        names = traces.indexed_fields(self.model)
        if not names:
            return original(self, **kwargs)
        written = {self.model._meta.get_field(name).attname for name in kwargs}
        if not written & set(names):
            return original(self, **kwargs)
        with transaction.atomic(using=self.db, savepoint=False):
            pks = list(self.order_by().values_list("pk", flat=True))
            rows = original(self, **kwargs)
            traces.reindex_rows(self.model, pks)
        return rows

    update._reindexes = True  # type: ignore[attr-defined]
    return update


def _migrated(sender, plan=None, **kwargs) -> None:
    """Fill the index once, when the migration that creates it has just run."""
    if plan and any(
        (migration.app_label, migration.name) == INDEX_MIGRATION and not backwards
        for migration, backwards in plan
    ):
        traces.rebuild()


def install(app_config) -> None:
    post_save.connect(_saved, dispatch_uid="relations-personal-data-index")
    post_migrate.connect(_migrated, sender=app_config, dispatch_uid="relations-index-fill")
    if not getattr(QuerySet.bulk_create, "_reindexes", False):
        QuerySet.bulk_create = _wrap_bulk_create(QuerySet.bulk_create)  # type: ignore[method-assign]
    if not getattr(QuerySet.update, "_reindexes", False):
        QuerySet.update = _wrap_update(QuerySet.update)  # type: ignore[method-assign]
