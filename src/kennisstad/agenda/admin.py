from django.contrib import admin

from kennisstad.core.admin_tools import ReadOnlyRegistryAdmin

from .models import Activity


@admin.register(Activity)
class ActivityAdmin(ReadOnlyRegistryAdmin):
    list_display = ["title_nl", "kind", "starts_at", "ends_at", "visibility", "status", "sequence"]
    list_filter = ["kind", "visibility", "status", "themes"]
    search_fields = ["title_nl", "title_en", "location", "city", "uid"]
    date_hierarchy = "starts_at"
