from django import forms
from django.contrib import admin

from kennisstad.core.admin_tools import VersionedAdmin, VersionedAdminForm

from .models import KeptAfterErasure, RetentionPeriod
from .registry import kinds_in_order
from .services import save_retention_period


class RetentionPeriodAdminForm(VersionedAdminForm):
    kind = forms.ChoiceField(choices=())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(k.key, str(k.label)) for k in kinds_in_order()]


@admin.register(RetentionPeriod)
class RetentionPeriodAdmin(VersionedAdmin):
    """The same validation and recomputation as the team-admin page."""

    form = RetentionPeriodAdminForm
    list_display = ["kind", "months", "updated_by", "updated_at"]

    def save_model(self, request, obj, form, change):
        save_retention_period(
            period=obj,
            user=request.user,
            expected_version=form.cleaned_data.get("version_read") if change else None,
        )


@admin.register(KeptAfterErasure)
class KeptAfterErasureAdmin(admin.ModelAdmin):
    list_display = ["person_id", "model", "object_id", "kept_at"]
    search_fields = ["person_id", "model"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
