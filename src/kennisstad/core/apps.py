from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "kennisstad.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self):
        from django.db.backends.signals import connection_created

        from . import (
            checks,  # noqa: F401 (registers the municipality settings check)
            generations,
        )

        # Every connection's writes bump the generations cached answers are keyed on.
        connection_created.connect(generations.install, dispatch_uid="kennisstad-generations")
