from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import PolicyArea


@admin.register(PolicyArea)
class PolicyAreaAdmin(SimpleHistoryAdmin):
    list_display = ["code", "title_nl", "title_en", "parent"]
    search_fields = ["code", "title_nl", "title_en"]
    autocomplete_fields = ["parent"]
