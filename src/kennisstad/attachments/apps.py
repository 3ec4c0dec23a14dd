"""Files attached to records: projects, organisations, delegations, activities, grants, chapters,
agreements."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AttachmentsConfig(AppConfig):
    name = "kennisstad.attachments"
    label = "attachments"
    verbose_name = _("Files")

    def ready(self) -> None:
        # The "Files" section and "Add file" button on each record's page; removing stored
        # bytes with their rows.
        from . import contributions, signals  # noqa: F401

        contributions.register()
