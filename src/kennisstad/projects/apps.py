from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "kennisstad.projects"
    label = "projects"
    verbose_name = _("Projects")

    def ready(self) -> None:
        # Sections and timeline entries this app adds to the pages of the apps below it.
        from . import contributions

        contributions.register()
