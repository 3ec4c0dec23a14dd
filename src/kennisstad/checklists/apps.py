"""Preparation checklists: templates per kind of work, applied to delegations and activities."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChecklistsConfig(AppConfig):
    name = "kennisstad.checklists"
    label = "checklists"
    verbose_name = _("Checklists")

    def ready(self) -> None:
        # The preparation on the activity and delegation pages, the apply button, the digest's
        # overdue tasks, and due dates that follow a moved event.
        from kennisstad.core.history import register_system_actor

        from . import contributions, signals
        from .services import EVENT_MOVED

        contributions.register()
        signals.connect()
        register_system_actor(EVENT_MOVED, _("moved with its event"))
