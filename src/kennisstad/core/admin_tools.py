"""The admin site is for configuration. Registry records are edited in the application, where
every write goes through the services (versions, audit, iCalendar SEQUENCE); here they are
read-only. Configuration records are saved with the same version check."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext as _
from simple_history.admin import SimpleHistoryAdmin

from .services import delete_record, save_record


class ReadOnlyRegistryAdmin(SimpleHistoryAdmin):
    """Browse and inspect history; change in the application."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class VersionedAdminForm(forms.ModelForm):
    version_read = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version_read"].initial = self.instance.version

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            stored = (
                type(self.instance)
                ._default_manager.filter(pk=self.instance.pk)
                .values_list("version", flat=True)
                .first()
            )
            if stored != cleaned.get("version_read"):
                raise forms.ValidationError(
                    _("Someone changed this record since you opened it; reload and try again.")
                )
        return cleaned


class VersionedAdmin(SimpleHistoryAdmin):
    """Configuration records, saved through ``save_record`` with the version read."""

    form = VersionedAdminForm
    readonly_fields = ["version", "updated_at", "updated_by"]

    def save_model(self, request, obj, form, change):
        save_record(
            instance=obj,
            user=request.user,
            expected_version=form.cleaned_data.get("version_read") if change else None,
        )

    def delete_model(self, request, obj):
        delete_record(instance=obj, user=request.user, expected_version=obj.version)


def register_read_only(model, **options):
    admin.site.register(model, type(f"{model.__name__}Admin", (ReadOnlyRegistryAdmin,), options))
