from django.contrib import admin

from kennisstad.core.admin_tools import ReadOnlyRegistryAdmin

from .models import Checklist, ChecklistTemplate


@admin.register(ChecklistTemplate)
class ChecklistTemplateAdmin(ReadOnlyRegistryAdmin):
    list_display = ["name_nl", "kind", "is_active"]
    list_filter = ["kind", "is_active"]


@admin.register(Checklist)
class ChecklistAdmin(ReadOnlyRegistryAdmin):
    list_display = ["name_nl", "activity", "delegation", "created_at"]
    raw_id_fields = ["activity", "delegation"]
