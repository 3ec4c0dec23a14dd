from django.contrib import admin

from kennisstad.core.admin_tools import ReadOnlyRegistryAdmin, VersionedAdmin

from .models import Document, PolicyArea


@admin.register(PolicyArea)
class PolicyAreaAdmin(VersionedAdmin):
    list_display = ["code", "title_nl", "title_en", "parent"]
    search_fields = ["code", "title_nl", "title_en"]
    autocomplete_fields = ["parent"]


@admin.register(Document)
class DocumentAdmin(ReadOnlyRegistryAdmin):
    list_display = [
        "kind",
        "year",
        "sequence",
        "status",
        "adopted_on",
        "decision_number",
        "published_on",
        "imported",
    ]
    list_filter = ["kind", "status"]
