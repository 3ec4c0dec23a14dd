"""Django's admin with a default site that asks for a second factor (``admin_site``); its own
module, because an apps module with two app configs would leave Django to guess the default."""

from django.contrib.admin.apps import AdminConfig


class VerifiedAdminConfig(AdminConfig):
    default_site = "kennisstad.accounts.admin_site.VerifiedAdminSite"
