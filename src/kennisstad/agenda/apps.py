from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgendaConfig(AppConfig):
    name = "kennisstad.agenda"
    label = "agenda"
    verbose_name = _("International calendar")

    def ready(self) -> None:
        # Sections and timeline entries this app adds to the pages of the apps below it.
        from . import contributions

        contributions.register()
