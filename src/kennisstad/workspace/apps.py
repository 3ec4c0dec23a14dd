from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkspaceConfig(AppConfig):
    """The team's pages that bring several apps together: the start page, the spreadsheet import
    for every kind, the demo loader. The top layer: it may use every app, no app uses it."""

    name = "kennisstad.workspace"
    label = "workspace"
    verbose_name = _("Workspace")

    def ready(self) -> None:
        # The import buttons this app adds to the registry lists below it.
        from . import contributions

        contributions.register()
