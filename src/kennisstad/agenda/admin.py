from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Activity


@admin.register(Activity)
class ActivityAdmin(SimpleHistoryAdmin):
    list_display = ["title_nl", "kind", "starts_at", "ends_at", "visibility", "status"]
    list_filter = ["kind", "visibility", "status", "themes"]
    search_fields = ["title_nl", "title_en", "location", "city", "uid"]
    date_hierarchy = "starts_at"
    autocomplete_fields = [
        "organiser_organisation",
        "team_participants",
        "people",
        "project",
        "themes",
    ]
    readonly_fields = ["uid", "sequence", "version", "updated_at", "updated_by"]
