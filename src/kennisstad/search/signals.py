"""Signal receivers that keep the index in step with saves and deletes of searchable records."""

from django.db.models.signals import post_delete, post_save

from .documents import DOCUMENTS


def _saved(sender, instance, raw=False, **kwargs):
    if raw:  # loading fixtures: the record may be incomplete; rebuild_index covers it
        return
    from .services import index_object

    index_object(obj=instance)


def _deleted(sender, instance, **kwargs):
    from .services import remove_object

    remove_object(model=sender, pk=instance.pk)


def connect() -> None:
    for document in DOCUMENTS.values():
        model = document.model
        post_save.connect(_saved, sender=model, dispatch_uid=f"search-save-{document.kind}")
        post_delete.connect(_deleted, sender=model, dispatch_uid=f"search-delete-{document.kind}")
