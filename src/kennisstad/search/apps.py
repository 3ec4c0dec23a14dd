from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "kennisstad.search"
    verbose_name = _("Search")

    def ready(self) -> None:
        # Keep the search index in step with every save and delete, wherever it comes from.
        from . import signals

        signals.connect()
