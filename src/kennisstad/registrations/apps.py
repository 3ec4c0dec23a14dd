from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistrationsConfig(AppConfig):
    name = "kennisstad.registrations"
    label = "registrations"
    verbose_name = _("Registrations")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, pre_delete

        from . import contributions, retention

        contributions.register()
        # Deleting an activity (or its registration settings) takes the registrants' personal
        # data with it, history included: the cascade alone would leave every version behind
        # (after the cascade, which writes a deletion version of each registration).
        post_delete.connect(
            retention.forget_registrations_of_activity,
            sender="agenda.Activity",
            dispatch_uid="registrations.forget_on_activity_delete",
        )
        pre_delete.connect(
            retention.forget_registrations_of_settings,
            sender="registrations.RegistrationSettings",
            dispatch_uid="registrations.forget_on_settings_delete",
        )
