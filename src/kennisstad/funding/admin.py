from django.contrib import admin

from kennisstad.core.admin_tools import ReadOnlyRegistryAdmin

from .models import Application


@admin.register(Application)
class ApplicationAdmin(ReadOnlyRegistryAdmin):
    list_display = ["title_nl", "programme", "stage", "call_deadline", "funder_contribution"]
    list_filter = ["programme", "stage"]
    search_fields = ["title_nl", "title_en", "programme_line", "call_id"]
