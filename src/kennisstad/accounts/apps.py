from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "kennisstad.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        # The kernel's views ask one permission policy: this app's access module.
        from kennisstad.core import permissions

        from . import access

        permissions.install(access)
