from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "kennisstad.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        # The kernel's views ask one permission policy: this app's access module.
        from django.contrib.auth.signals import user_logged_in

        from kennisstad.core import permissions

        from . import access
        from .middleware import stamp_sign_in

        permissions.install(access)
        user_logged_in.connect(stamp_sign_in, dispatch_uid="kennisstad-stamp-sign-in")
