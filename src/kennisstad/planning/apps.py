from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlanningConfig(AppConfig):
    name = "kennisstad.planning"
    label = "planning"
    verbose_name = _("Planning and control")

    def ready(self) -> None:
        from django.core import checks

        from .column_layout import check_layouts

        checks.register(check_layouts)

        # The forecasts of its bestuursrapportages, shown by the apps below it.
        from . import contributions

        contributions.register()
