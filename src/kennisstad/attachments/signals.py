"""A version row that goes (its attachment deleted, or its record, by cascade) takes its stored
bytes along, after the commit: no orphaned files with personal data stay in the store."""

from django.db.models.signals import post_delete
from django.dispatch import receiver

from .models import AttachmentVersion
from .storage import delete_after_commit


@receiver(post_delete, sender=AttachmentVersion)
def remove_stored_file(sender, instance: AttachmentVersion, **kwargs) -> None:
    delete_after_commit(instance.storage_key)
